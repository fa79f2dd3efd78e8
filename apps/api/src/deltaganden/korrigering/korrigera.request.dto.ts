import type {
  Avslutsorsak,
  Forsorjning,
  Kon,
  Remittent,
  TidIOffentligForsorjning,
  Utbildningsniva,
} from '#domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, ValidateBy, type ValidationArguments } from 'class-validator';
import { OptionalCivilDateProperty } from '../../http/civil-date.validator.js';
import {
  AvslutsorsakProperty,
  FodelsearProperty,
  ForsorjningProperty,
  FritextProperty,
  KommunProperty,
  KonProperty,
  OrsakProperty,
  RemittentProperty,
  TidIOffentligForsorjningProperty,
  UtbildningsnivaProperty,
} from '../deltagande-fields.js';

export const KORRIGERING_TYP = ['remiss', 'inskrivning', 'avslut', 'person'] as const;
export type KorrigeringTyp = (typeof KORRIGERING_TYP)[number];

/** A field that belongs to some korrigering types only; sent with another type it is an error. */
const OnlyFor = (...typer: KorrigeringTyp[]): PropertyDecorator =>
  ValidateBy({
    name: 'onlyFor',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        value === undefined || typer.includes((args?.object as KorrigeraRequestDto).typ),
      defaultMessage: () => `$property kan bara korrigeras med typ ${typer.join(' eller ')}`,
    },
  });

export class KorrigeraRequestDto {
  @ApiProperty({ enum: KORRIGERING_TYP })
  @IsIn(KORRIGERING_TYP)
  typ: KorrigeringTyp;

  @OrsakProperty()
  orsak: string;

  @OnlyFor('remiss', 'inskrivning', 'avslut')
  @OptionalCivilDateProperty('Nytt datum för remiss, inskrivning eller avslut')
  datum?: string;

  @OnlyFor('remiss')
  @RemittentProperty(true)
  remittent?: Remittent;

  @OnlyFor('remiss')
  // Empty clears the enhet: the web form sends what the field holds.
  @FritextProperty(200, true, { allowEmpty: true })
  remittentEnhet?: string;

  @OnlyFor('inskrivning', 'avslut')
  @ForsorjningProperty(true)
  forsorjning?: Forsorjning[];

  @OnlyFor('inskrivning')
  @UtbildningsnivaProperty(true)
  utbildningsniva?: Utbildningsniva;

  @OnlyFor('inskrivning')
  @TidIOffentligForsorjningProperty(true)
  tidIOffentligForsorjning?: TidIOffentligForsorjning;

  @OnlyFor('avslut')
  @AvslutsorsakProperty(true)
  avslutsorsak?: Avslutsorsak;

  @OnlyFor('person')
  @KonProperty(true)
  kon?: Kon;

  @OnlyFor('person')
  @FodelsearProperty(true)
  fodelsear?: number;

  @OnlyFor('person')
  @KommunProperty(true)
  kommun?: string;
}
