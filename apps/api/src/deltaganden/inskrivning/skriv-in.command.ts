import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import type { SkrivInRequestDto } from './skriv-in.request.dto.js';

export class SkrivInCommand extends Command<CommandResponseDto> {
  constructor(
    readonly deltagandeId: string,
    readonly body: SkrivInRequestDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
