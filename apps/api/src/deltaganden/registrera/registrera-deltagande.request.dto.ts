import type { Kon, Remittent } from '#domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { CivilDateProperty } from '../../http/civil-date.validator.js';
import {
  FodelsearProperty,
  FritextProperty,
  KommunProperty,
  KonProperty,
  RemittentProperty,
} from '../deltagande-fields.js';
import { SkrivInRequestDto } from '../inskrivning/skriv-in.request.dto.js';

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
    type: SkrivInRequestDto,
    description: 'Direkt inskrivning (utan väntan på remiss)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SkrivInRequestDto)
  inskrivning?: SkrivInRequestDto;
}
