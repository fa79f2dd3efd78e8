import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../http/paging.js';
import { DeltagandeDto } from '../deltagande.response.dto.js';

export const LISTBAR_STATUS = [
  'remitterad',
  'inskriven',
  'avslutad',
  'aterremitterad',
  'makulerad',
] as const;
export type ListbarStatus = (typeof LISTBAR_STATUS)[number];

export class ListaDeltagandenQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LISTBAR_STATUS })
  @IsOptional()
  @IsIn(LISTBAR_STATUS)
  status?: ListbarStatus;
}

/** One page of the insats's deltaganden, newest first. */
export class DeltagandePageDto {
  @ApiProperty({ type: [DeltagandeDto] })
  items: DeltagandeDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Ange som ?cursor för nästa sida; null på sista sidan',
  })
  nextCursor: string | null;
}
