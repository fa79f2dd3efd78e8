import type { Kon, Remittent } from '#domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsPersonnummer } from '../../personer/personnummer.js';
import { CivilDateProperty } from '../../http/civil-date.validator.js';
import { FreeText } from '../../http/free-text.js';
import {
  FodelsearProperty,
  FritextProperty,
  KommunProperty,
  KonProperty,
  RemittentProperty,
} from '../deltagande-fields.js';
import { SkrivInRequestDto } from '../inskrivning/skriv-in.request.dto.js';

export class SamtyckeDto {
  @CivilDateProperty('Dagen personen gav sitt skriftliga samtycke')
  datum: string;
}

/**
 * By default no direct identifier: kön, födelseår and kommun only. Personnummer and namn
 * only with the person's samtycke; they are stored encrypted, outside the events.
 */
export class PersonDto {
  @KonProperty()
  kon: Kon;

  @FodelsearProperty()
  fodelsear: number;

  @KommunProperty()
  kommun: string;

  @ApiPropertyOptional({
    example: '19900101-0017',
    description: 'Personnummer eller samordningsnummer, 10 eller 12 siffror; kräver samtycke',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  @IsPersonnummer()
  personnummer?: string;

  @FreeText({ maxLength: 200, optional: true, description: 'Kräver personnummer och samtycke' })
  namn?: string;

  @ApiPropertyOptional({ type: SamtyckeDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SamtyckeDto)
  samtycke?: SamtyckeDto;
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
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDto)
  person: PersonDto;

  @ApiProperty({ type: RemissDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RemissDto)
  remiss: RemissDto;

  @ApiPropertyOptional({
    type: SkrivInRequestDto,
    description: 'Direkt inskrivning (utan väntan på remiss)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SkrivInRequestDto)
  inskrivning?: SkrivInRequestDto;
}
