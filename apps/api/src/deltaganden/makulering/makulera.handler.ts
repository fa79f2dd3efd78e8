import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { DeltagandeCommands } from '../deltagande-commands.js';
import { MakuleraCommand } from './makulera.command.js';

@CommandHandler(MakuleraCommand)
export class MakuleraHandler implements ICommandHandler<MakuleraCommand> {
  constructor(private readonly deltaganden: DeltagandeCommands) {}

  execute({ deltagandeId, body, metadata }: MakuleraCommand): Promise<CommandResponseDto> {
    return this.deltaganden.execute(deltagandeId, metadata, (context) => ({
      type: 'Makulera',
      data: { orsak: body.orsak.trim() },
      context,
    }));
  }
}
