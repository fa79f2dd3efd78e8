import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const LISTBAR_STATUS = [
  'remitterad',
  'inskriven',
  'avslutad',
  'aterremitterad',
  'makulerad',
] as const;
export type ListbarStatus = (typeof LISTBAR_STATUS)[number];

export class ListaDeltagandenQueryDto {
  @ApiPropertyOptional({ enum: LISTBAR_STATUS })
  @IsOptional()
  @IsIn(LISTBAR_STATUS)
  status?: ListbarStatus;
}
