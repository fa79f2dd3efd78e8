import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import type { RegistreraDeltagandeRequestDto } from './registrera-deltagande.request.dto.js';

export class RegistreraDeltagandeCommand extends Command<CommandResponseDto> {
  constructor(
    readonly insatsId: string,
    readonly body: RegistreraDeltagandeRequestDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
