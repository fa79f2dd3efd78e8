import { exportCsv, exportFileName, exportXlsx, type StatistikReport } from '#statistik';
import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { ApiErrors } from '../../http/api-docs.js';
import { StatistikQuery } from '../rapport/statistik.query.js';
import { StatistikExportQueryDto } from './statistik-export.request.dto.js';

const CONTENT_TYPE = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

@ApiTags('statistik')
@ApiBearerAuth()
@Controller('statistik/export')
export class StatistikExportController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'kansli')
  @ApiOperation({ summary: 'Statistikrapporten som fil: CSV för Excel eller XLSX' })
  @ApiProduces(CONTENT_TYPE.csv, CONTENT_TYPE.xlsx)
  @ApiErrors(400, 401, 403, 404)
  async export(
    @Query() params: StatistikExportQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<StreamableFile> {
    const { format, ...query } = params;
    const report: StatistikReport = await this.queries.execute(new StatistikQuery(query, user));
    const options = { skyddad: params.skydda === true };
    const file = format === 'csv' ? exportCsv(report, options) : await exportXlsx(report, options);
    return new StreamableFile(file, {
      type: CONTENT_TYPE[format],
      disposition: `attachment; filename="${exportFileName(report, format)}"`,
      length: file.length,
    });
  }
}
