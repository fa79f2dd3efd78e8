import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { StatistikQueryDto } from '../rapport/statistik.request.dto.js';

export const EXPORT_FORMAT = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMAT)[number];

export class StatistikExportQueryDto extends StatistikQueryDto {
  @ApiProperty({
    enum: EXPORT_FORMAT,
    description: 'csv: för Excel (UTF-8 med BOM, semikolon); xlsx: ett blad per tabell',
  })
  @IsIn(EXPORT_FORMAT)
  format: ExportFormat;
}
