import { insatsDecider, insatsStream } from '#domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../commands/clock.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { StreamCommandRunner } from '../../commands/stream-command-runner.js';
import { InsatsAccess } from '../insats-access.js';
import { TaBortMalCommand } from './ta-bort-mal.command.js';

@CommandHandler(TaBortMalCommand)
export class TaBortMalHandler implements ICommandHandler<TaBortMalCommand> {
  constructor(
    private readonly streams: StreamCommandRunner,
    private readonly access: InsatsAccess,
    private readonly clock: Clock,
  ) {}

  async execute({ insatsId, malId, metadata }: TaBortMalCommand): Promise<CommandResponseDto> {
    const loaded = await this.access.loadInForbund(insatsId, metadata.user.forbundId);
    return this.streams.decideAndAppend(
      insatsStream(insatsId),
      insatsId,
      insatsDecider,
      loaded,
      { type: 'TaBortMal', data: { malId }, context: { idag: this.clock.today() } },
      metadata,
    );
  }
}
