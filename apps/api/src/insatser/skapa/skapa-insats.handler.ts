import { insatsDecider, insatsStream } from '#domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../commands/clock.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { StreamCommandRunner } from '../../commands/stream-command-runner.js';
import { SkapaInsatsCommand } from './skapa-insats.command.js';

@CommandHandler(SkapaInsatsCommand)
export class SkapaInsatsHandler implements ICommandHandler<SkapaInsatsCommand> {
  constructor(
    private readonly streams: StreamCommandRunner,
    private readonly clock: Clock,
  ) {}

  async execute({ body, metadata }: SkapaInsatsCommand): Promise<CommandResponseDto> {
    const insatsId = metadata.newId;
    const streamId = insatsStream(insatsId);
    const loaded = await this.streams.load(streamId, insatsDecider);
    return this.streams.decideAndAppend(
      streamId,
      insatsId,
      insatsDecider,
      loaded,
      {
        type: 'SkapaInsats',
        data: {
          insatsId,
          forbundId: metadata.user.forbundId,
          namn: body.namn.trim(),
          inriktning: body.inriktning,
          matmetod: body.matmetod,
          startdatum: body.startdatum,
          slutdatum: body.slutdatum ?? null,
          utforare: body.utforare ?? null,
          malgrupp: body.malgrupp ?? null,
          grupp: body.grupp ?? null,
          ordning: body.ordning ?? null,
        },
        context: { idag: this.clock.today() },
      },
      metadata,
    );
  }
}
