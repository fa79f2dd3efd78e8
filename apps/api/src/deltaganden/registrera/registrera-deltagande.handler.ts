import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { DeltagandeCommands } from '../deltagande-commands.js';
import { RegistreraDeltagandeCommand } from './registrera-deltagande.command.js';

@CommandHandler(RegistreraDeltagandeCommand)
export class RegistreraDeltagandeHandler implements ICommandHandler<RegistreraDeltagandeCommand> {
  constructor(private readonly deltaganden: DeltagandeCommands) {}

  execute({ insatsId, body, metadata }: RegistreraDeltagandeCommand): Promise<CommandResponseDto> {
    const deltagandeId = randomUUID();
    return this.deltaganden.start(insatsId, deltagandeId, metadata, (context) => ({
      type: 'RegistreraRemiss',
      data: {
        deltagandeId,
        insatsId,
        datum: body.remiss.datum,
        remittent: body.remiss.remittent,
        remittentEnhet: body.remiss.remittentEnhet?.trim() || null,
        person: { ...body.person, personId: null },
        ...(body.inskrivning ? { inskrivning: { ...body.inskrivning } } : {}),
      },
      context,
    }));
  }
}
