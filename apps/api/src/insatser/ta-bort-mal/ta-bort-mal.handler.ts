import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../commands/clock.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { InsatsAccess } from '../insats-access.js';
import { TaBortMalCommand } from './ta-bort-mal.command.js';

@CommandHandler(TaBortMalCommand)
export class TaBortMalHandler implements ICommandHandler<TaBortMalCommand> {
  constructor(
    private readonly access: InsatsAccess,
    private readonly clock: Clock,
  ) {}

  async execute({ insatsId, malId, metadata }: TaBortMalCommand): Promise<CommandResponseDto> {
    return this.access.decide(
      insatsId,
      { type: 'TaBortMal', data: { malId }, context: { idag: this.clock.today() } },
      metadata,
    );
  }
}
