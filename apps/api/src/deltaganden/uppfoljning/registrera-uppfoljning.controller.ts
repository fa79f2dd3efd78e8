import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { RegistreraUppfoljningCommand } from './registrera-uppfoljning.command.js';
import { RegistreraUppfoljningRequestDto } from './registrera-uppfoljning.request.dto.js';

@ApiTags('deltaganden')
@ApiBearerAuth()
@Controller('deltaganden/:id/uppfoljning')
export class RegistreraUppfoljningController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('personal')
  @ApiOperation({ summary: 'Registrera uppföljning 6 eller 12 månader efter avslut' })
  handle(
    @Param('id', ParseUUIDPipe) deltagandeId: string,
    @Body() body: RegistreraUppfoljningRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new RegistreraUppfoljningCommand(deltagandeId, body, metadata));
  }
}
