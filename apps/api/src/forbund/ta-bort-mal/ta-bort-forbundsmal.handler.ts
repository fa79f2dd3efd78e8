import { forbundDecider, forbundStream } from '#domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { StreamCommandRunner } from '../../commands/stream-command-runner.js';
import { TaBortForbundsmalCommand } from './ta-bort-forbundsmal.command.js';

/** A grupp's goal can be removed even when no insats has the grupp any more. */
@CommandHandler(TaBortForbundsmalCommand)
export class TaBortForbundsmalHandler implements ICommandHandler<TaBortForbundsmalCommand> {
  constructor(private readonly streams: StreamCommandRunner) {}

  async execute({ grupp, malId, metadata }: TaBortForbundsmalCommand): Promise<CommandResponseDto> {
    const { forbundId } = metadata.user;
    const loaded = await this.streams.load(forbundStream(forbundId), forbundDecider);
    // A retry is answered as it was the first time, though the goal is gone by now.
    const earlier = this.streams.earlierResult(forbundId, loaded, metadata);
    if (earlier) return earlier;
    return this.streams.decideAndAppend(
      forbundStream(forbundId),
      forbundId,
      forbundDecider,
      loaded,
      { type: 'TaBortForbundsmal', data: { malId, grupp } },
      metadata,
    );
  }
}
