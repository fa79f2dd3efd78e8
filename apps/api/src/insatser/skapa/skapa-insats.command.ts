import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import type { SkapaInsatsRequestDto } from './skapa-insats.request.dto.js';

export class SkapaInsatsCommand extends Command<CommandResponseDto> {
  constructor(
    readonly body: SkapaInsatsRequestDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
