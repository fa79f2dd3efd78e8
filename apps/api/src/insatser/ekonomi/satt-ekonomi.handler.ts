import { insatsDecider, insatsStream } from '#domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../commands/clock.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { StreamCommandRunner } from '../../commands/stream-command-runner.js';
import { InsatsAccess } from '../insats-access.js';
import { SattEkonomiCommand } from './satt-ekonomi.command.js';

@CommandHandler(SattEkonomiCommand)
export class SattEkonomiHandler implements ICommandHandler<SattEkonomiCommand> {
  constructor(
    private readonly streams: StreamCommandRunner,
    private readonly access: InsatsAccess,
    private readonly clock: Clock,
  ) {}

  async execute({ insatsId, ar, body, metadata }: SattEkonomiCommand): Promise<CommandResponseDto> {
    const loaded = await this.access.loadInForbund(insatsId, metadata.user.forbundId);
    return this.streams.decideAndAppend(
      insatsStream(insatsId),
      insatsId,
      insatsDecider,
      loaded,
      {
        type: 'SattEkonomi',
        data: { ar, budget: body.budget, kostnad: body.kostnad },
        context: { idag: this.clock.today() },
      },
      metadata,
    );
  }
}
