import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import type { MakuleraRequestDto } from './makulera.request.dto.js';

export class MakuleraCommand extends Command<CommandResponseDto> {
  constructor(
    readonly deltagandeId: string,
    readonly body: MakuleraRequestDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
