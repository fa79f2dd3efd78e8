import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand } from '../../http/api-docs.js';
import { RegistreraUppfoljningCommand } from './registrera-uppfoljning.command.js';
import { RegistreraUppfoljningRequestDto } from './registrera-uppfoljning.request.dto.js';

@ApiTags('deltaganden')
@Controller('deltaganden/:id/uppfoljning')
export class RegistreraUppfoljningController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('personal')
  @ApiCommand('Registrera uppföljning 6 eller 12 månader efter avslut')
  handle(
    @Param('id', ParseUUIDPipe) deltagandeId: string,
    @Body() body: RegistreraUppfoljningRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new RegistreraUppfoljningCommand(deltagandeId, body, metadata));
  }
}
