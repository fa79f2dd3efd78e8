import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../commands/clock.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { InsatsAccess } from '../insats-access.js';
import { AvslutaInsatsCommand } from './avsluta-insats.command.js';
import { InsatsensDeltaganden } from './insatsens-deltaganden.js';

@CommandHandler(AvslutaInsatsCommand)
export class AvslutaInsatsHandler implements ICommandHandler<AvslutaInsatsCommand> {
  constructor(
    private readonly access: InsatsAccess,
    private readonly deltaganden: InsatsensDeltaganden,
    private readonly clock: Clock,
  ) {}

  async execute({ insatsId, body, metadata }: AvslutaInsatsCommand): Promise<CommandResponseDto> {
    // Looked at while no registration or reopening in the insats can be appended: one in
    // flight has committed and is counted, one that comes later sees the avslut and is refused.
    return this.access.decideExclusively(
      insatsId,
      async () => {
        const { oppna, senasteDatum } = await this.deltaganden.lage(insatsId);
        return {
          type: 'AvslutaInsats',
          data: { slutdatum: body.slutdatum },
          context: {
            idag: this.clock.today(),
            oppnaDeltaganden: oppna,
            senasteDeltagandedatum: senasteDatum,
          },
        };
      },
      metadata,
    );
  }
}
