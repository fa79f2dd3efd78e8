import { Controller, Get, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { CurrentUser, type AuthUser } from '../../auth/auth-user.js';
import { ApiErrors } from '../../http/api-docs.js';
import { csvMall, xlsxMall } from './import-mall.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

@ApiTags('import')
@ApiBearerAuth()
@Controller('import')
export class ImportMallController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('mall.xlsx')
  @ApiOperation({
    summary:
      'Importmallen som Excel: rubriker, instruktioner och kodlistorna (och förbundets insatser) som listor i cellerna',
  })
  @ApiProduces(XLSX)
  @ApiErrors(401)
  async xlsx(@CurrentUser() user: AuthUser): Promise<StreamableFile> {
    // The insatser a row can name: the förbund's individ insatser, by name.
    const insatser: { namn: string }[] = await this.dataSource.query(
      `SELECT namn FROM insats WHERE forbund_id = $1 AND matmetod = 'individ' ORDER BY namn`,
      [user.forbundId],
    );
    return new StreamableFile(await xlsxMall(insatser.map((i) => i.namn)), {
      type: XLSX,
      disposition: 'attachment; filename="importmall-deltaganden.xlsx"',
    });
  }

  @Get('mall.csv')
  @ApiOperation({ summary: 'Importmallen som CSV för Excel (UTF-8 med BOM, semikolon)' })
  @ApiProduces(CSV)
  @ApiErrors(401)
  csv(): StreamableFile {
    return new StreamableFile(Buffer.from(csvMall(), 'utf8'), {
      type: CSV,
      disposition: 'attachment; filename="importmall-deltaganden.csv"',
    });
  }
}
