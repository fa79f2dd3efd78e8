import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';

export class TaBortMalCommand extends Command<CommandResponseDto> {
  constructor(
    readonly insatsId: string,
    readonly malId: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
