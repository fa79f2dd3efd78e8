import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { DeltagandeCommands } from '../deltagande-commands.js';
import { AvslutaCommand } from './avsluta.command.js';

@CommandHandler(AvslutaCommand)
export class AvslutaHandler implements ICommandHandler<AvslutaCommand> {
  constructor(private readonly deltaganden: DeltagandeCommands) {}

  execute({ deltagandeId, body, metadata }: AvslutaCommand): Promise<CommandResponseDto> {
    return this.deltaganden.execute(deltagandeId, metadata, (context) => ({
      type: 'Avsluta',
      data: { datum: body.datum, avslutsorsak: body.avslutsorsak, forsorjning: body.forsorjning },
      context,
    }));
  }
}
