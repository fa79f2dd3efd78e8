import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import type { RegistreraUppfoljningRequestDto } from './registrera-uppfoljning.request.dto.js';

export class RegistreraUppfoljningCommand extends Command<CommandResponseDto> {
  constructor(
    readonly deltagandeId: string,
    readonly body: RegistreraUppfoljningRequestDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
