import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { DeltagandeCommands } from '../deltagande-commands.js';
import { AterremitteraCommand } from './aterremittera.command.js';

@CommandHandler(AterremitteraCommand)
export class AterremitteraHandler implements ICommandHandler<AterremitteraCommand> {
  constructor(private readonly deltaganden: DeltagandeCommands) {}

  execute({ deltagandeId, body, metadata }: AterremitteraCommand): Promise<CommandResponseDto> {
    return this.deltaganden.execute(deltagandeId, metadata, (context) => ({
      type: 'Aterremittera',
      data: { datum: body.datum, orsak: body.orsak.trim() },
      context,
    }));
  }
}
