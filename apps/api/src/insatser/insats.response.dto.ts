import type { InsatsRow } from '#projections';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ArsmalDto {
  @ApiProperty()
  ar: number;

  @ApiPropertyOptional({ description: 'Absent when never set' })
  deltagare?: number;

  @ApiPropertyOptional({ description: 'Absent when never set' })
  nyaDeltagare?: number;

  @ApiPropertyOptional({ description: '0–1; absent when never set' })
  andelArbeteStudier?: number;
}

export class InsatsDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  namn: string;

  @ApiProperty({ enum: ['individinriktad', 'strukturovergripande'] })
  inriktning: string;

  @ApiProperty({ enum: ['individ', 'volym'] })
  matmetod: string;

  @ApiProperty({ format: 'date' })
  startdatum: string;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  slutdatum: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  utforare: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  malgrupp: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Programmet eller projektet av flera insatser som insatsen hör till',
  })
  grupp: string | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 0,
    maximum: 10_000,
    description: 'Förbundets ordning i listor och tabeller (sedan namn); null sist',
  })
  ordning: number | null;

  @ApiProperty({ description: 'Avslutad med InsatsAvslutad: tar inte emot nya deltaganden' })
  avslutad: boolean;

  @ApiProperty({ description: 'Stream revision; send as If-Match' })
  revision: number;
}

export class InsatsMedArsmalDto extends InsatsDto {
  @ApiProperty({ type: [ArsmalDto] })
  arsmal: ArsmalDto[];
}

export const toInsatsDto = (row: InsatsRow): InsatsDto => ({
  id: row.id,
  namn: row.namn,
  inriktning: row.inriktning,
  matmetod: row.matmetod,
  startdatum: row.startdatum,
  slutdatum: row.slutdatum,
  utforare: row.utforare,
  malgrupp: row.malgrupp,
  grupp: row.grupp,
  ordning: row.ordning,
  avslutad: row.avslutad,
  revision: row.revision,
});
