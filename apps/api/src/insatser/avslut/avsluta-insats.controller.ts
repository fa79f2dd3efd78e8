import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth-user.js';
import { CommandMeta, type CommandMetadata } from '../../commands/command-metadata.js';
import { CommandResponseDto } from '../../commands/command-response.dto.js';
import { ApiCommand } from '../../http/api-docs.js';
import { AvslutaInsatsCommand } from './avsluta-insats.command.js';
import { AvslutaInsatsRequestDto } from './avsluta-insats.request.dto.js';

@ApiTags('insatser')
@Controller('insatser/:id/avslut')
export class AvslutaInsatsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  @ApiCommand(
    'Avsluta en insats; 422 med details.oppnaDeltaganden (id:n) så länge deltaganden är öppna',
  )
  end(
    @Param('id', ParseUUIDPipe) insatsId: string,
    @Body() body: AvslutaInsatsRequestDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.commands.execute(new AvslutaInsatsCommand(insatsId, body, metadata));
  }
}
