import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand } from '../../http/api-docs.js';
import { SattMalCommand } from './satt-mal.command.js';
import { SattMalRequestDto } from './satt-mal.request.dto.js';

@ApiTags('insatser')
@Controller('insatser/:id/mal')
export class SattMalController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':malId')
  @Roles('admin')
  @ApiCommand('Sätt ett mål för insatsen (malId är klientens uuid; samma id ersätter målet)')
  set(
    @Param('id', ParseUUIDPipe) insatsId: string,
    @Param('malId', ParseUUIDPipe) malId: string,
    @Body() body: SattMalRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new SattMalCommand(insatsId, malId, body, metadata));
  }
}
