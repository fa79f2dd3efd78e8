import { INRIKTNING, MATMETOD, type Inriktning, type Matmetod } from '#domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CivilDateProperty, OptionalCivilDateProperty } from '../../http/civil-date.validator.js';
import { FreeText } from '../../http/free-text.js';

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
}
