import { Body, Controller, Param, ParseIntPipe, ParseUUIDPipe, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand } from '../../http/api-docs.js';
import { SattArsmalCommand } from './satt-arsmal.command.js';
import { SattArsmalRequestDto } from './satt-arsmal.request.dto.js';

@ApiTags('insatser')
@Controller('insatser/:id/arsmal')
export class SattArsmalController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':ar')
  @Roles('admin')
  @ApiCommand('Sätt årsmål för ett kalenderår')
  set(
    @Param('id', ParseUUIDPipe) insatsId: string,
    @Param('ar', ParseIntPipe) ar: number,
    @Body() body: SattArsmalRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new SattArsmalCommand(insatsId, ar, body, metadata));
  }
}
