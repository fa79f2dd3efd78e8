import { INRIKTNING, MATMETOD, type Inriktning, type Matmetod } from '#domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CivilDateProperty, OptionalCivilDateProperty } from '../../http/civil-date.validator.js';
import { FreeText } from '../../http/free-text.js';
import { MAX_ORDNING } from '../andra/andra-insats.request.dto.js';

export class SkapaInsatsRequestDto {
  @FreeText({ maxLength: 200, example: 'Ung i Tyresö' })
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

  @FreeText({ maxLength: 200, optional: true })
  utforare?: string;

  @FreeText({ optional: true })
  malgrupp?: string;

  @FreeText({
    maxLength: 200,
    optional: true,
    example: 'Rätt stöd för mig',
    description: 'Programmet eller projektet av flera insatser som insatsen hör till',
  })
  grupp?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_ORDNING,
    description: 'Förbundets ordning i listor och tabeller; utan ordning: efter de andra',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ORDNING)
  ordning?: number;
}
