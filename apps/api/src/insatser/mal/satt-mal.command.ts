import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import type { SattMalRequestDto } from './satt-mal.request.dto.js';

export class SattMalCommand extends Command<CommandResponseDto> {
  constructor(
    readonly insatsId: string,
    readonly malId: string,
    readonly body: SattMalRequestDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
