import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import type { SattMalRequestDto } from '../../insatser/mal/satt-mal.request.dto.js';

/** A goal of the whole förbund (grupp null) or of one grupp of its insatser. */
export class SattForbundsmalCommand extends Command<CommandResponseDto> {
  constructor(
    readonly grupp: string | null,
    readonly malId: string,
    readonly body: SattMalRequestDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
