import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../commands/clock.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { InsatsAccess } from '../insats-access.js';
import { SattEkonomiCommand } from './satt-ekonomi.command.js';

@CommandHandler(SattEkonomiCommand)
export class SattEkonomiHandler implements ICommandHandler<SattEkonomiCommand> {
  constructor(
    private readonly access: InsatsAccess,
    private readonly clock: Clock,
  ) {}

  async execute({ insatsId, ar, body, metadata }: SattEkonomiCommand): Promise<CommandResponseDto> {
    return this.access.decide(
      insatsId,
      {
        type: 'SattEkonomi',
        data: { ar, budget: body.budget, kostnad: body.kostnad },
        context: { idag: this.clock.today() },
      },
      metadata,
    );
  }
}
