import { insatsDecider, insatsStream } from '#domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../commands/clock.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { StreamCommandRunner } from '../../commands/stream-command-runner.js';
import { InsatsAccess } from '../insats-access.js';
import { RegistreraVolymCommand } from './registrera-volym.command.js';

@CommandHandler(RegistreraVolymCommand)
export class RegistreraVolymHandler implements ICommandHandler<RegistreraVolymCommand> {
  constructor(
    private readonly streams: StreamCommandRunner,
    private readonly access: InsatsAccess,
    private readonly clock: Clock,
  ) {}

  async execute({ insatsId, body, metadata }: RegistreraVolymCommand): Promise<CommandResponseDto> {
    const loaded = await this.access.loadInForbund(insatsId, metadata.user.forbundId);
    this.access.assertWorksIn(metadata.user, insatsId);
    return this.streams.decideAndAppend(
      insatsStream(insatsId),
      insatsId,
      insatsDecider,
      loaded,
      {
        type: 'RegistreraVolym',
        data: {
          datum: body.datum,
          kvinnor: body.kvinnor,
          man: body.man,
          ejAngivet: body.ejAngivet ?? 0,
          aktivitet: body.aktivitet ?? null,
          kommun: body.kommun ?? null,
        },
        context: { idag: this.clock.today() },
      },
      metadata,
    );
  }
}
