import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { DeltagandeCommands } from '../deltagande-commands.js';
import { AterkallaAvslutCommand } from './aterkalla-avslut.command.js';

@CommandHandler(AterkallaAvslutCommand)
export class AterkallaAvslutHandler implements ICommandHandler<AterkallaAvslutCommand> {
  constructor(private readonly deltaganden: DeltagandeCommands) {}

  execute({ deltagandeId, body, metadata }: AterkallaAvslutCommand): Promise<CommandResponseDto> {
    return this.deltaganden.execute(
      deltagandeId,
      metadata,
      (context) => ({ type: 'AterkallaAvslut', data: { orsak: body.orsak.trim() }, context }),
      { checksOpenDeltagande: true },
    );
  }
}
