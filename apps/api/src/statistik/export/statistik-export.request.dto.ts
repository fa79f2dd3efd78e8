import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { StatistikReportQueryDto } from '../rapport/statistik.request.dto.js';

export const EXPORT_FORMAT = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMAT)[number];

export const EXPORT_LAYOUT = ['bred', 'lang'] as const;

/** The report's query (jamfor included: the overview shows the earlier value and the change). */
export class StatistikExportQueryDto extends StatistikReportQueryDto {
  @ApiProperty({
    enum: EXPORT_FORMAT,
    description:
      'csv: för Excel (UTF-8 med BOM, semikolon); xlsx: ett blad per tabell; pdf: rapporten som A4-dokument med diagram',
  })
  @IsIn(EXPORT_FORMAT)
  format: ExportFormat;

  @ApiPropertyOptional({
    enum: EXPORT_LAYOUT,
    default: 'bred',
    description:
      'bred: den publicerade formen (insatser som rader med delsummor per grupp och totalt, kön som kolumner, varje antal bredvid sin andel); lang: en rad per värde, för pivottabeller',
  })
  @IsOptional()
  @IsIn(EXPORT_LAYOUT)
  layout?: (typeof EXPORT_LAYOUT)[number];
}
