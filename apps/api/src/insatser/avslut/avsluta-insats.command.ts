import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import type { AvslutaInsatsRequestDto } from './avsluta-insats.request.dto.js';

export class AvslutaInsatsCommand extends Command<CommandResponseDto> {
  constructor(
    readonly insatsId: string,
    readonly body: AvslutaInsatsRequestDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
