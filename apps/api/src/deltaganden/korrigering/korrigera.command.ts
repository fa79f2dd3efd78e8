import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import type { KorrigeraRequestDto } from './korrigera.request.dto.js';

export class KorrigeraCommand extends Command<CommandResponseDto> {
  constructor(
    readonly deltagandeId: string,
    readonly body: KorrigeraRequestDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
