import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import type { SattArsmalRequestDto } from './satt-arsmal.request.dto.js';

export class SattArsmalCommand extends Command<CommandResponseDto> {
  constructor(
    readonly insatsId: string,
    readonly ar: number,
    readonly body: SattArsmalRequestDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
