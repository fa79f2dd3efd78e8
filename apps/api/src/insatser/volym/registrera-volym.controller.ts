import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand } from '../../http/api-docs.js';
import { RegistreraVolymCommand } from './registrera-volym.command.js';
import { RegistreraVolymRequestDto } from './registrera-volym.request.dto.js';

@ApiTags('insatser')
@Controller('insatser/:id/volym')
export class RegistreraVolymController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('personal')
  @ApiCommand('Registrera antal deltagare (volyminsats) per kön', { created: true })
  register(
    @Param('id', ParseUUIDPipe) insatsId: string,
    @Body() body: RegistreraVolymRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new RegistreraVolymCommand(insatsId, body, metadata));
  }
}
