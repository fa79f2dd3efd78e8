import { insatsDecider, insatsStream } from '#domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../commands/clock.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { StreamCommandRunner } from '../../commands/stream-command-runner.js';
import { InsatsAccess } from '../insats-access.js';
import { SattArsmalCommand } from './satt-arsmal.command.js';

@CommandHandler(SattArsmalCommand)
export class SattArsmalHandler implements ICommandHandler<SattArsmalCommand> {
  constructor(
    private readonly streams: StreamCommandRunner,
    private readonly access: InsatsAccess,
    private readonly clock: Clock,
  ) {}

  async execute({ insatsId, ar, body, metadata }: SattArsmalCommand): Promise<CommandResponseDto> {
    const loaded = await this.access.loadInForbund(insatsId, metadata.user.forbundId);
    return this.streams.decideAndAppend(
      insatsStream(insatsId),
      insatsId,
      insatsDecider,
      loaded,
      {
        type: 'SattArsmal',
        data: {
          ar,
          deltagare: body.deltagare,
          nyaDeltagare: body.nyaDeltagare,
          andelArbeteStudier: body.andelArbeteStudier,
        },
        context: { idag: this.clock.today() },
      },
      metadata,
    );
  }
}
