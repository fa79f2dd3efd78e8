import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand, ApiErrors } from '../../http/api-docs.js';
import { AterkallaAvslutCommand } from './aterkalla-avslut.command.js';
import { AterkallaAvslutRequestDto } from './aterkalla-avslut.request.dto.js';

@ApiTags('deltaganden')
@Controller('deltaganden/:id/aterkalla-avslut')
export class AterkallaAvslutController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('personal')
  @ApiCommand(
    'Återkalla ett avslut som registrerades av misstag (422 om personen redan har ett annat öppet deltagande i insatsen)',
  )
  @ApiErrors(503)
  handle(
    @Param('id', ParseUUIDPipe) deltagandeId: string,
    @Body() body: AterkallaAvslutRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new AterkallaAvslutCommand(deltagandeId, body, metadata));
  }
}
