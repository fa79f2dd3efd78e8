import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand } from '../../http/api-docs.js';
import { AvslutaCommand } from './avsluta.command.js';
import { AvslutaRequestDto } from './avsluta.request.dto.js';

@ApiTags('deltaganden')
@Controller('deltaganden/:id/avslut')
export class AvslutaController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('personal')
  @ApiCommand('Avsluta deltagandet med avslutsorsak och försörjning efter')
  handle(
    @Param('id', ParseUUIDPipe) deltagandeId: string,
    @Body() body: AvslutaRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new AvslutaCommand(deltagandeId, body, metadata));
  }
}
