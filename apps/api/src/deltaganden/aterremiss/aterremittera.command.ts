import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import type { AterremitteraRequestDto } from './aterremittera.request.dto.js';

export class AterremitteraCommand extends Command<CommandResponseDto> {
  constructor(
    readonly deltagandeId: string,
    readonly body: AterremitteraRequestDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
