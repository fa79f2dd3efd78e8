import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { DeltagandeCommands } from '../deltagande-commands.js';
import { SkrivInCommand } from './skriv-in.command.js';

@CommandHandler(SkrivInCommand)
export class SkrivInHandler implements ICommandHandler<SkrivInCommand> {
  constructor(private readonly deltaganden: DeltagandeCommands) {}

  execute({ deltagandeId, body, metadata }: SkrivInCommand): Promise<CommandResponseDto> {
    return this.deltaganden.execute(deltagandeId, metadata, (context) => ({
      type: 'SkrivIn',
      data: {
        datum: body.datum,
        forsorjning: body.forsorjning,
        utbildningsniva: body.utbildningsniva,
        tidIOffentligForsorjning: body.tidIOffentligForsorjning,
      },
      context,
    }));
  }
}
