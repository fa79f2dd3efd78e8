import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand } from '../../http/api-docs.js';
import { SkapaInsatsCommand } from './skapa-insats.command.js';
import { SkapaInsatsRequestDto } from './skapa-insats.request.dto.js';

@ApiTags('insatser')
@Controller('insatser')
export class SkapaInsatsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @ApiCommand('Skapa en insats', { created: true })
  create(
    @Body() body: SkapaInsatsRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new SkapaInsatsCommand(body, metadata));
  }
}
