import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import type { RegistreraVolymRequestDto } from './registrera-volym.request.dto.js';

export class RegistreraVolymCommand extends Command<CommandResponseDto> {
  constructor(
    readonly insatsId: string,
    readonly body: RegistreraVolymRequestDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
