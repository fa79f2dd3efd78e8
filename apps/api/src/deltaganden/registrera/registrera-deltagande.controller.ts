import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { RegistreraDeltagandeCommand } from './registrera-deltagande.command.js';
import { RegistreraDeltagandeRequestDto } from './registrera-deltagande.request.dto.js';

@ApiTags('deltaganden')
@ApiBearerAuth()
@Controller('insatser/:id/deltaganden')
export class RegistreraDeltagandeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('personal')
  @ApiOperation({ summary: 'Registrera en remiss, med eller utan direkt inskrivning' })
  register(
    @Param('id', ParseUUIDPipe) insatsId: string,
    @Body() body: RegistreraDeltagandeRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new RegistreraDeltagandeCommand(insatsId, body, metadata));
  }
}
