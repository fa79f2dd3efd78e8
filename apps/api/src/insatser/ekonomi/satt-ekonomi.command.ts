import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import type { SattEkonomiRequestDto } from './satt-ekonomi.request.dto.js';

export class SattEkonomiCommand extends Command<CommandResponseDto> {
  constructor(
    readonly insatsId: string,
    readonly ar: number,
    readonly body: SattEkonomiRequestDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
