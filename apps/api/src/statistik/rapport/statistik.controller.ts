import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { StatistikReport } from '#statistik';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { ApiErrors } from '../../http/api-docs.js';
import { StatistikQuery } from './statistik.query.js';
import { StatistikReportQueryDto } from './statistik.request.dto.js';

@ApiTags('statistik')
@ApiBearerAuth()
@Controller('statistik')
export class StatistikController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'kansli')
  @ApiOperation({ summary: 'Periodstatistik per insats och för hela förbundet' })
  @ApiOkResponse({
    description: 'Rapporten (se API.md); schemat i statistik-report.schema.ts',
    schema: { $ref: getSchemaPath('StatistikReport') },
  })
  @ApiErrors(400, 401, 403, 404, 503)
  async report(
    @Query() params: StatistikReportQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<StatistikReport> {
    return this.queries.execute(new StatistikQuery(params, user));
  }
}
