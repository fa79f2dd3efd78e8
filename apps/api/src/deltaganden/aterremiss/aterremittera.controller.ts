import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand } from '../../http/api-docs.js';
import { AterremitteraCommand } from './aterremittera.command.js';
import { AterremitteraRequestDto } from './aterremittera.request.dto.js';

@ApiTags('deltaganden')
@Controller('deltaganden/:id/aterremiss')
export class AterremitteraController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('personal')
  @ApiCommand('Återremittera: remissen lämnas tillbaka utan inskrivning')
  handle(
    @Param('id', ParseUUIDPipe) deltagandeId: string,
    @Body() body: AterremitteraRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new AterremitteraCommand(deltagandeId, body, metadata));
  }
}
