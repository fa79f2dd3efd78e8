import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../../auth/auth-user.js';
import { InsatsDto } from '../insats.response.dto.js';
import { ListaInsatserQuery } from './lista-insatser.query.js';

@ApiTags('insatser')
@ApiBearerAuth()
@Controller('insatser')
export class ListaInsatserController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Förbundets insatser (personal: de egna)',
    description: 'I förbundets ordning: ordning (utan ordning sist), sedan namn',
  })
  @ApiOkResponse({ type: [InsatsDto] })
  list(@CurrentUser() user: AuthUser): Promise<InsatsDto[]> {
    return this.queries.execute(new ListaInsatserQuery(user));
  }
}
