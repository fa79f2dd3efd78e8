import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import type { AterkallaAvslutRequestDto } from './aterkalla-avslut.request.dto.js';

export class AterkallaAvslutCommand extends Command<CommandResponseDto> {
  constructor(
    readonly deltagandeId: string,
    readonly body: AterkallaAvslutRequestDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
