import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { DeltagandeMedHistorikDto } from '../deltagande.response.dto.js';
import { HamtaDeltagandeQuery } from './hamta-deltagande.query.js';

@ApiTags('deltaganden')
@ApiBearerAuth()
@Controller('deltaganden')
export class HamtaDeltagandeController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('personal')
  @ApiOperation({ summary: 'Ett deltagande: aktuellt läge och historik (vem gjorde vad, när)' })
  @ApiOkResponse({ type: DeltagandeMedHistorikDto })
  get(
    @Param('id', ParseUUIDPipe) deltagandeId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<DeltagandeMedHistorikDto> {
    return this.queries.execute(new HamtaDeltagandeQuery(deltagandeId, user));
  }
}
