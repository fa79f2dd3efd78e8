import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand, ApiErrors } from '../../http/api-docs.js';
import { RegistreraDeltagandeCommand } from './registrera-deltagande.command.js';
import { RegistreraDeltagandeRequestDto } from './registrera-deltagande.request.dto.js';

@ApiTags('deltaganden')
@Controller('insatser/:id/deltaganden')
export class RegistreraDeltagandeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('personal')
  @ApiCommand(
    'Registrera en remiss, med eller utan direkt inskrivning. En person med personnummer har högst ett öppet deltagande per insats och samma kön och födelseår i alla sina deltaganden (annars 422)',
    { created: true },
  )
  @ApiErrors(503)
  register(
    @Param('id', ParseUUIDPipe) insatsId: string,
    @Body() body: RegistreraDeltagandeRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new RegistreraDeltagandeCommand(insatsId, body, metadata));
  }
}
