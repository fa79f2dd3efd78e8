import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand } from '../../http/api-docs.js';
import { MakuleraCommand } from './makulera.command.js';
import { MakuleraRequestDto } from './makulera.request.dto.js';

@ApiTags('deltaganden')
@Controller('deltaganden/:id/makulering')
export class MakuleraController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('personal')
  @ApiCommand('Makulera ett deltagande som registrerades av misstag (räknas inte någonstans)')
  handle(
    @Param('id', ParseUUIDPipe) deltagandeId: string,
    @Body() body: MakuleraRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new MakuleraCommand(deltagandeId, body, metadata));
  }
}
