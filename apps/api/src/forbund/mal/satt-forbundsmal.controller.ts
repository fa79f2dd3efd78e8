import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand } from '../../http/api-docs.js';
import { SattMalRequestDto } from '../../insatser/mal/satt-mal.request.dto.js';
import { GruppMalParamsDto } from './grupp-mal.params.dto.js';
import { SattForbundsmalCommand } from './satt-forbundsmal.command.js';

/** Goals on the förbund's stream; `id` in the answer is the förbund's, `revision` its stream's. */
@ApiTags('mal')
@Controller()
export class SattForbundsmalController {
  constructor(private readonly commands: CommandBus) {}

  @Put('forbund/mal/:malId')
  @Roles('admin')
  @ApiCommand('Sätt ett mål för hela förbundet')
  setForbund(
    @Param('malId', ParseUUIDPipe) malId: string,
    @Body() body: SattMalRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new SattForbundsmalCommand(null, malId, body, metadata));
  }

  @Put('grupper/:grupp/mal/:malId')
  @Roles('admin')
  @ApiCommand('Sätt ett gemensamt mål för en grupp av insatser (okänd grupp: 404)')
  setGrupp(
    @Param() { grupp, malId }: GruppMalParamsDto,
    @Body() body: SattMalRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new SattForbundsmalCommand(grupp, malId, body, metadata));
  }
}
