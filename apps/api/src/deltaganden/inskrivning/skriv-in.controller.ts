import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand } from '../../http/api-docs.js';
import { SkrivInCommand } from './skriv-in.command.js';
import { SkrivInRequestDto } from './skriv-in.request.dto.js';

@ApiTags('deltaganden')
@Controller('deltaganden/:id/inskrivning')
export class SkrivInController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('personal')
  @ApiCommand('Skriv in deltagaren med försörjning vid start')
  handle(
    @Param('id', ParseUUIDPipe) deltagandeId: string,
    @Body() body: SkrivInRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new SkrivInCommand(deltagandeId, body, metadata));
  }
}
