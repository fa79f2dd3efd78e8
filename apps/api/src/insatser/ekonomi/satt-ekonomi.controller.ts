import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand } from '../../http/api-docs.js';
import { ParseKalenderarPipe } from '../../http/kalenderar.pipe.js';
import { SattEkonomiCommand } from './satt-ekonomi.command.js';
import { SattEkonomiRequestDto } from './satt-ekonomi.request.dto.js';

@ApiTags('insatser')
@Controller('insatser/:id/ekonomi')
export class SattEkonomiController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':ar')
  @Roles('admin')
  @ApiCommand('Sätt budget och/eller kostnad (kronor) för ett kalenderår')
  set(
    @Param('id', ParseUUIDPipe) insatsId: string,
    @Param('ar', ParseKalenderarPipe) ar: number,
    @Body() body: SattEkonomiRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new SattEkonomiCommand(insatsId, ar, body, metadata));
  }
}
