import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { ApiErrors } from '../../http/api-docs.js';
import { HamtaMalOchEkonomiQuery } from './hamta-mal-och-ekonomi.query.js';
import { MalOchEkonomiDto } from './mal-och-ekonomi.response.dto.js';

@ApiTags('insatser')
@ApiBearerAuth()
@Controller('insatser/:id/mal')
export class HamtaMalOchEkonomiController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'kansli')
  @ApiOperation({ summary: 'Insatsens mål, ekonomi och årsmål (admin, kansli)' })
  @ApiOkResponse({ type: MalOchEkonomiDto })
  @ApiErrors(400, 401, 403, 404)
  get(
    @Param('id', ParseUUIDPipe) insatsId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<MalOchEkonomiDto> {
    return this.queries.execute(new HamtaMalOchEkonomiQuery(insatsId, user));
  }
}
