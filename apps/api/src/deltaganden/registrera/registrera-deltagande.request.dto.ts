import type {
  Forsorjning,
  Kon,
  Remittent,
  TidIOffentligForsorjning,
  Utbildningsniva,
} from '#domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { CivilDateProperty } from '../../http/civil-date.validator.js';
import {
  FodelsearProperty,
  ForsorjningProperty,
  FritextProperty,
  KommunProperty,
  KonProperty,
  RemittentProperty,
  TidIOffentligForsorjningProperty,
  UtbildningsnivaProperty,
} from '../deltagande-fields.js';

/** No direct identifier: kön, födelseår and kommun only. */
export class PersonDto {
  @KonProperty()
  kon: Kon;

  @FodelsearProperty()
  fodelsear: number;

  @KommunProperty()
  kommun: string;
}

export class RemissDto {
  @CivilDateProperty('Dagen remissen kom in')
  datum: string;

  @RemittentProperty()
  remittent: Remittent;

  @FritextProperty(200, true)
  remittentEnhet?: string;
}

export class InskrivningDto {
  @CivilDateProperty()
  datum: string;

  @ForsorjningProperty()
  forsorjning: Forsorjning[];

  @UtbildningsnivaProperty()
  utbildningsniva: Utbildningsniva;

  @TidIOffentligForsorjningProperty()
  tidIOffentligForsorjning: TidIOffentligForsorjning;
}

export class RegistreraDeltagandeRequestDto {
  @ApiProperty({ type: PersonDto })
  @ValidateNested()
  @Type(() => PersonDto)
  person: PersonDto;

  @ApiProperty({ type: RemissDto })
  @ValidateNested()
  @Type(() => RemissDto)
  remiss: RemissDto;

  @ApiPropertyOptional({
    type: InskrivningDto,
    description: 'Direkt inskrivning (utan väntan på remiss)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => InskrivningDto)
  inskrivning?: InskrivningDto;
}
