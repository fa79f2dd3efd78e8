import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth-user.js';
import { ApiErrors } from '../http/api-docs.js';
import { DatakvalitetDto, DatakvalitetQueryDto } from './datakvalitet.dto.js';
import { DatakvalitetQuery } from './datakvalitet.query.js';

@ApiTags('statistik')
@ApiBearerAuth()
@Controller('datakvalitet')
export class DatakvalitetController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'kansli', 'personal')
  @ApiOperation({
    summary:
      'Registreringarnas kvalitet per insats: eftersläpning, väntande remisser, inaktiva inskrivna, saknade volymmånader, personkonflikter och ändrade rapporter',
    description:
      'Personal ser sina egna insatser och inga rapporter; kansli ser inga användares e-post; admin ser eftersläpningen även per registrerande användare.',
  })
  @ApiOkResponse({ type: DatakvalitetDto })
  @ApiErrors(400, 401, 403, 404, 503)
  datakvalitet(
    @Query() params: DatakvalitetQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<DatakvalitetDto> {
    return this.queries.execute(new DatakvalitetQuery(params, user));
  }
}
