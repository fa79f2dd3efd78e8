import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';

export class TaBortForbundsmalCommand extends Command<CommandResponseDto> {
  constructor(
    readonly grupp: string | null,
    readonly malId: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
