import { Controller, Delete, Param, ParseUUIDPipe } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand } from '../../http/api-docs.js';
import { TaBortMalCommand } from './ta-bort-mal.command.js';

@ApiTags('insatser')
@Controller('insatser/:id/mal')
export class TaBortMalController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':malId')
  @Roles('admin')
  @ApiCommand('Ta bort ett av insatsens mål (ett okänt mål: 422 MAL.FINNS_INTE)')
  remove(
    @Param('id', ParseUUIDPipe) insatsId: string,
    @Param('malId', ParseUUIDPipe) malId: string,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new TaBortMalCommand(insatsId, malId, metadata));
  }
}
