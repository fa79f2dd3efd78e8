import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../commands/clock.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { InsatsAccess } from '../insats-access.js';
import { SattArsmalCommand } from './satt-arsmal.command.js';

@CommandHandler(SattArsmalCommand)
export class SattArsmalHandler implements ICommandHandler<SattArsmalCommand> {
  constructor(
    private readonly access: InsatsAccess,
    private readonly clock: Clock,
  ) {}

  async execute({ insatsId, ar, body, metadata }: SattArsmalCommand): Promise<CommandResponseDto> {
    return this.access.decide(
      insatsId,
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
