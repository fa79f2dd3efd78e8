import { csvChunks, exportFileName, writePdf, writeXlsx, type StatistikReport } from '#statistik';
import { Controller, Get, Logger, Query, StreamableFile } from '@nestjs/common';
import { PassThrough, Readable } from 'node:stream';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { ApiErrors } from '../../http/api-docs.js';
import { ReportRecorder } from '../../rapporter/report-recorder.js';
import { StatistikQuery } from '../rapport/statistik.query.js';
import { StatistikExportQueryDto } from './statistik-export.request.dto.js';

const CONTENT_TYPE = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

@ApiTags('statistik')
@ApiBearerAuth()
@Controller('statistik/export')
export class StatistikExportController {
  private readonly logger = new Logger('Export');

  constructor(
    private readonly queries: QueryBus,
    private readonly recorder: ReportRecorder,
  ) {}

  @Get()
  @Roles('admin', 'kansli')
  @ApiOperation({ summary: 'Statistikrapporten som fil: CSV för Excel, XLSX eller PDF' })
  @ApiProduces(CONTENT_TYPE.csv, CONTENT_TYPE.xlsx, CONTENT_TYPE.pdf)
  @ApiErrors(400, 401, 403, 404, 503)
  async export(
    @Query() params: StatistikExportQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<StreamableFile> {
    const { format, layout, ...query } = params;
    // Read before the report: its figures are of the read models at this position or later.
    const lasposition = await this.recorder.lasposition();
    const report: StatistikReport = await this.queries.execute(new StatistikQuery(query, user));
    // Every export is recorded (who, when, parameters, a hash of its figures) before it is sent.
    await this.recorder.record(report, user, {
      ...query,
      ...(query.insats ? { insatser: query.insats } : {}),
      asOf: report.asOf,
      skydda: params.skydda === true,
      format,
      // With jamfor the figures hold the comparison's too, which the read models' position
      // does not cover: such an export is compared by its report and comparison made again.
      ...(query.jamfor
        ? { jamfor: query.jamfor }
        : { lasposition, asOfAngiven: query.asOf !== undefined }),
    });
    const options = { skyddad: params.skydda === true, layout: layout ?? 'bred' };
    // Written to the response as it is made: the file is never held whole in memory.
    let file: Readable;
    if (format === 'csv') {
      file = Readable.from(csvChunks(report, options));
    } else {
      const out = new PassThrough();
      const write = format === 'pdf' ? writePdf : writeXlsx;
      write(report, options, out).catch((error: unknown) => {
        this.logger.error(error instanceof Error ? error.message : String(error));
        out.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      file = out;
    }
    return new StreamableFile(file, {
      type: CONTENT_TYPE[format],
      disposition: `attachment; filename="${exportFileName(report, format)}"`,
    });
  }
}
