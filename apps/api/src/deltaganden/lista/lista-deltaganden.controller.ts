import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import type { DeltagandeDto } from '../deltagande.response.dto.js';
import type { Page } from '../../http/paging.js';
import { ListaDeltagandenQuery } from './lista-deltaganden.query.js';
import { DeltagandePageDto, ListaDeltagandenQueryDto } from './lista-deltaganden.request.dto.js';

@ApiTags('deltaganden')
@ApiBearerAuth()
@Controller('insatser/:id/deltaganden')
export class ListaDeltagandenController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('personal')
  @ApiOperation({ summary: 'Insatsens deltaganden med aktuellt läge, nyaste först, sida för sida' })
  @ApiOkResponse({ type: DeltagandePageDto })
  list(
    @Param('id', ParseUUIDPipe) insatsId: string,
    @Query() query: ListaDeltagandenQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<DeltagandeDto>> {
    const { status, limit, cursor } = query;
    return this.queries.execute(
      new ListaDeltagandenQuery(insatsId, status, { limit, cursor }, user),
    );
  }
}
