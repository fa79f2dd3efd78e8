import type { UnderlagRow } from '#statistik';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { ApiErrors } from '../../http/api-docs.js';
import { UnderlagQuery } from './underlag.query.js';
import { UnderlagDto, UnderlagQueryDto } from './underlag.request.dto.js';

@ApiTags('statistik')
@ApiBearerAuth()
@Controller('statistik/underlag')
export class UnderlagController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'kansli')
  @ApiOperation({
    summary: 'Deltagandena bakom ett antal i rapporten (id och koder, inga personuppgifter)',
  })
  @ApiOkResponse({ type: [UnderlagDto] })
  @ApiErrors(400, 401, 403, 404, 503)
  list(@Query() params: UnderlagQueryDto, @CurrentUser() user: AuthUser): Promise<UnderlagRow[]> {
    return this.queries.execute(new UnderlagQuery(params, user));
  }
}
