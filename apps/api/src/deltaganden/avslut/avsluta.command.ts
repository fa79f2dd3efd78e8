import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import type { AvslutaRequestDto } from './avsluta.request.dto.js';

export class AvslutaCommand extends Command<CommandResponseDto> {
  constructor(
    readonly deltagandeId: string,
    readonly body: AvslutaRequestDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
