import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { StatistikQueryDto } from '../rapport/statistik.request.dto.js';

export const EXPORT_FORMAT = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMAT)[number];

export class StatistikExportQueryDto extends StatistikQueryDto {
  @ApiProperty({
    enum: EXPORT_FORMAT,
    description:
      'csv: för Excel (UTF-8 med BOM, semikolon); xlsx: ett blad per tabell; pdf: rapporten som A4-dokument med diagram',
  })
  @IsIn(EXPORT_FORMAT)
  format: ExportFormat;
}
