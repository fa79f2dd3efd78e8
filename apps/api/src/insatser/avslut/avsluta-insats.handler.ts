import { insatsDecider, insatsStream } from '#domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../commands/clock.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { StreamCommandRunner } from '../../commands/stream-command-runner.js';
import { InsatsAccess } from '../insats-access.js';
import { AvslutaInsatsCommand } from './avsluta-insats.command.js';
import { InsatsensDeltaganden } from './insatsens-deltaganden.js';

@CommandHandler(AvslutaInsatsCommand)
export class AvslutaInsatsHandler implements ICommandHandler<AvslutaInsatsCommand> {
  constructor(
    private readonly streams: StreamCommandRunner,
    private readonly access: InsatsAccess,
    private readonly deltaganden: InsatsensDeltaganden,
    private readonly clock: Clock,
  ) {}

  async execute({ insatsId, body, metadata }: AvslutaInsatsCommand): Promise<CommandResponseDto> {
    const loaded = await this.access.loadInForbund(insatsId, metadata.user.forbundId);
    const { oppna, senasteDatum } = await this.deltaganden.lage(insatsId);
    return this.streams.decideAndAppend(
      insatsStream(insatsId),
      insatsId,
      insatsDecider,
      loaded,
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
