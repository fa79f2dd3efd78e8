import { KON, type Kon } from '#domain';
import { MATT, type Matt } from '#statistik';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { StatistikQueryDto } from '../rapport/statistik.request.dto.js';

export class UnderlagQueryDto extends PickType(StatistikQueryDto, [
  'fran',
  'till',
  'insats',
  'asOf',
]) {
  @ApiProperty({ enum: MATT, description: 'Måttet vars deltaganden ska visas' })
  @IsIn(MATT)
  matt: Matt;

  @ApiPropertyOptional({ enum: KON })
  @IsOptional()
  @IsIn(KON)
  kon?: Kon;
}

export class UnderlagDto {
  @ApiProperty() deltagandeId: string;
  @ApiProperty() insatsId: string;
  @ApiProperty({ enum: KON }) kon: string;
  @ApiProperty() fodelsear: number;
  @ApiProperty() kommun: string;
  @ApiProperty() remittent: string;
  @ApiProperty({ format: 'date' }) remissDatum: string;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) inskrivningDatum:
    string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) avslutDatum: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) avslutsorsak: string | null;
}
