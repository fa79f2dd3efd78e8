import { Controller, Delete, Param, ParseUUIDPipe } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand } from '../../http/api-docs.js';
import { GruppMalParamsDto } from '../mal/grupp-mal.params.dto.js';
import { TaBortForbundsmalCommand } from './ta-bort-forbundsmal.command.js';

@ApiTags('mal')
@Controller()
export class TaBortForbundsmalController {
  constructor(private readonly commands: CommandBus) {}

  @Delete('forbund/mal/:malId')
  @Roles('admin')
  @ApiCommand('Ta bort ett mål för hela förbundet (okänt mål: 422 MAL.FINNS_INTE)')
  removeForbund(
    @Param('malId', ParseUUIDPipe) malId: string,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new TaBortForbundsmalCommand(null, malId, metadata));
  }

  @Delete('grupper/:grupp/mal/:malId')
  @Roles('admin')
  @ApiCommand('Ta bort ett mål för en grupp (okänt mål eller annan grupp: 422 MAL.FINNS_INTE)')
  removeGrupp(
    @Param() { grupp, malId }: GruppMalParamsDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new TaBortForbundsmalCommand(grupp, malId, metadata));
  }
}
