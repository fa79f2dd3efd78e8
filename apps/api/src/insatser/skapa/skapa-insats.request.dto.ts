import { INRIKTNING, MATMETOD, type Inriktning, type Matmetod } from '#domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CivilDateProperty, OptionalCivilDateProperty } from '../../http/civil-date.validator.js';

export class SkapaInsatsRequestDto {
  @ApiProperty({ example: 'Ung i Tyresö' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  namn: string;

  @ApiProperty({ enum: INRIKTNING })
  @IsIn(INRIKTNING)
  inriktning: Inriktning;

  @ApiProperty({ enum: MATMETOD, description: 'individ: deltaganden; volym: antal per kön' })
  @IsIn(MATMETOD)
  matmetod: Matmetod;

  @CivilDateProperty()
  startdatum: string;

  @OptionalCivilDateProperty()
  slutdatum?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  utforare?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  malgrupp?: string;
}
