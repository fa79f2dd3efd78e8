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
    const { oppna, senasteDatum } = await this.deltaganden.lage(insatsId);
    return this.access.decide(
      insatsId,
      {
        type: 'AvslutaInsats',
        data: { slutdatum: body.slutdatum },
        context: {
          idag: this.clock.today(),
          oppnaDeltaganden: oppna,
          senasteDeltagandedatum: senasteDatum,
        },
      },
      metadata,
    );
  }
}
