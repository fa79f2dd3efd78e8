import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { DeltagandeDto } from '../deltagande.response.dto.js';
import { ListaDeltagandenQuery } from './lista-deltaganden.query.js';
import { ListaDeltagandenQueryDto } from './lista-deltaganden.request.dto.js';

@ApiTags('deltaganden')
@ApiBearerAuth()
@Controller('insatser/:id/deltaganden')
export class ListaDeltagandenController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('personal')
  @ApiOperation({ summary: 'Insatsens deltaganden med aktuellt läge' })
  @ApiOkResponse({ type: [DeltagandeDto] })
  list(
    @Param('id', ParseUUIDPipe) insatsId: string,
    @Query() query: ListaDeltagandenQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<DeltagandeDto[]> {
    return this.queries.execute(new ListaDeltagandenQuery(insatsId, query.status, user));
  }
}
