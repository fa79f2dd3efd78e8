import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { DeltagandeCommands } from '../deltagande-commands.js';
import { RegistreraUppfoljningCommand } from './registrera-uppfoljning.command.js';

@CommandHandler(RegistreraUppfoljningCommand)
export class RegistreraUppfoljningHandler implements ICommandHandler<RegistreraUppfoljningCommand> {
  constructor(private readonly deltaganden: DeltagandeCommands) {}

  execute({
    deltagandeId,
    body,
    metadata,
  }: RegistreraUppfoljningCommand): Promise<CommandResponseDto> {
    return this.deltaganden.execute(deltagandeId, metadata, (context) => ({
      type: 'RegistreraUppfoljning',
      data: {
        datum: body.datum,
        manaderEfterAvslut: body.manaderEfterAvslut,
        sysselsattning: body.sysselsattning,
        forsorjning: body.forsorjning,
      },
      context,
    }));
  }
}
