import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand } from '../../http/api-docs.js';
import { AndraInsatsCommand } from './andra-insats.command.js';
import { AndraInsatsRequestDto } from './andra-insats.request.dto.js';

@ApiTags('insatser')
@Controller('insatser')
export class AndraInsatsController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id')
  @Roles('admin')
  @ApiCommand('Ändra en insats (namn, utförare, målgrupp, grupp, ordning, slutdatum)')
  change(
    @Param('id', ParseUUIDPipe) insatsId: string,
    @Body() body: AndraInsatsRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new AndraInsatsCommand(insatsId, body, metadata));
  }
}
