import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand, ApiErrors } from '../../http/api-docs.js';
import { KorrigeraCommand } from './korrigera.command.js';
import { KorrigeraRequestDto } from './korrigera.request.dto.js';

@ApiTags('deltaganden')
@Controller('deltaganden/:id/korrigering')
export class KorrigeraController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('personal')
  @ApiCommand(
    'Korrigera remiss, inskrivning, avslut eller personuppgifter (med orsak). Kön och födelseår för en person med personnummer korrigeras i alla personens deltaganden som inte är makulerade',
  )
  @ApiErrors(503)
  correct(
    @Param('id', ParseUUIDPipe) deltagandeId: string,
    @Body() body: KorrigeraRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new KorrigeraCommand(deltagandeId, body, metadata));
  }
}
