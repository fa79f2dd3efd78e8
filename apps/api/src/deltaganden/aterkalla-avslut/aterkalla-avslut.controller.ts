import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { AterkallaAvslutCommand } from './aterkalla-avslut.command.js';
import { AterkallaAvslutRequestDto } from './aterkalla-avslut.request.dto.js';

@ApiTags('deltaganden')
@ApiBearerAuth()
@Controller('deltaganden/:id/aterkalla-avslut')
export class AterkallaAvslutController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('personal')
  @ApiOperation({ summary: 'Återkalla ett avslut som registrerades av misstag' })
  handle(
    @Param('id', ParseUUIDPipe) deltagandeId: string,
    @Body() body: AterkallaAvslutRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new AterkallaAvslutCommand(deltagandeId, body, metadata));
  }
}
