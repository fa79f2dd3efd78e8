import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { AvslutaCommand } from './avsluta.command.js';
import { AvslutaRequestDto } from './avsluta.request.dto.js';

@ApiTags('deltaganden')
@ApiBearerAuth()
@Controller('deltaganden/:id/avslut')
export class AvslutaController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('personal')
  @ApiOperation({ summary: 'Avsluta deltagandet med avslutsorsak och försörjning efter' })
  handle(
    @Param('id', ParseUUIDPipe) deltagandeId: string,
    @Body() body: AvslutaRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new AvslutaCommand(deltagandeId, body, metadata));
  }
}
