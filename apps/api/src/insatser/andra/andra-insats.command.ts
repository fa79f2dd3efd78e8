import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import type { AndraInsatsRequestDto } from './andra-insats.request.dto.js';

export class AndraInsatsCommand extends Command<CommandResponseDto> {
  constructor(
    readonly insatsId: string,
    readonly body: AndraInsatsRequestDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
