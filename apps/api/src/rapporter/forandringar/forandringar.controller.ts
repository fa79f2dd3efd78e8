import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { ApiErrors } from '../../http/api-docs.js';
import { ForandringarQuery } from './forandringar.query.js';
import { ForandringarDto, ForandringarQueryDto } from './forandringar.request.dto.js';

@ApiTags('statistik')
@ApiBearerAuth()
@Controller('statistik/forandringar')
export class ForandringarController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'kansli')
  @ApiOperation({
    summary:
      'Vad som ändrats i rapporten mellan två tidpunkter, och vilka registreringar som ändrade det',
  })
  @ApiOkResponse({ type: ForandringarDto })
  @ApiErrors(400, 401, 403, 404, 503)
  forandringar(
    @Query() params: ForandringarQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ForandringarDto> {
    return this.queries.execute(new ForandringarQuery(params, user));
  }
}
