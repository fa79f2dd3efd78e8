import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../commands/clock.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { InsatsAccess } from '../insats-access.js';
import { SattMalCommand } from './satt-mal.command.js';

@CommandHandler(SattMalCommand)
export class SattMalHandler implements ICommandHandler<SattMalCommand> {
  constructor(
    private readonly access: InsatsAccess,
    private readonly clock: Clock,
  ) {}

  async execute({ insatsId, malId, body, metadata }: SattMalCommand): Promise<CommandResponseDto> {
    const { matt, fran, till, varde } = body;
    return this.access.decide(
      insatsId,
      {
        type: 'SattMal',
        data: { malId, matt, fran, till, varde },
        context: { idag: this.clock.today() },
      },
      metadata,
    );
  }
}
