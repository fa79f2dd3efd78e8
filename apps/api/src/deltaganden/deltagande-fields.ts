import {
  AVSLUTSORSAK,
  FODELSEAR,
  FORSORJNING,
  KON,
  REMITTENT,
  SYSSELSATTNING,
  TID_I_OFFENTLIG_FORSORJNING,
  UTBILDNINGSNIVA,
} from '#domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { FreeText } from '../http/free-text.js';

/** Field validators shared by the deltagande DTOs: the code lists of libs/domain. */
const optionalWhen = (optional: boolean, ...decorators: PropertyDecorator[]): PropertyDecorator =>
  applyDecorators(...(optional ? [IsOptional(), ...decorators] : decorators));

const apiProperty = (
  optional: boolean,
  options: Parameters<typeof ApiProperty>[0],
): PropertyDecorator => (optional ? ApiPropertyOptional(options) : ApiProperty(options));

export const ForsorjningProperty = (optional = false): PropertyDecorator =>
  applyDecorators(
    apiProperty(optional, {
      enum: FORSORJNING,
      isArray: true,
      minItems: 1,
      maxItems: FORSORJNING.length,
      description: 'Försörjningskällor (minst en)',
    }),
    optionalWhen(
      optional,
      IsArray(),
      ArrayNotEmpty(),
      ArrayMaxSize(FORSORJNING.length),
      IsIn(FORSORJNING, { each: true }),
    ),
  );

export const KodProperty = (
  codes: readonly (string | number)[],
  optional = false,
): PropertyDecorator =>
  applyDecorators(apiProperty(optional, { enum: codes }), optionalWhen(optional, IsIn(codes)));

export const KonProperty = (optional = false): PropertyDecorator => KodProperty(KON, optional);
export const RemittentProperty = (optional = false): PropertyDecorator =>
  KodProperty(REMITTENT, optional);
export const AvslutsorsakProperty = (optional = false): PropertyDecorator =>
  KodProperty(AVSLUTSORSAK, optional);
export const SysselsattningProperty = (): PropertyDecorator => KodProperty(SYSSELSATTNING);
export const UtbildningsnivaProperty = (optional = false): PropertyDecorator =>
  KodProperty(UTBILDNINGSNIVA, optional);
export const TidIOffentligForsorjningProperty = (optional = false): PropertyDecorator =>
  KodProperty(TID_I_OFFENTLIG_FORSORJNING, optional);

export const FodelsearProperty = (optional = false): PropertyDecorator =>
  applyDecorators(
    apiProperty(optional, {
      type: 'integer',
      example: 1990,
      minimum: FODELSEAR.fran,
      maximum: FODELSEAR.till,
    }),
    optionalWhen(optional, IsInt(), Min(FODELSEAR.fran), Max(FODELSEAR.till)),
  );

export const KommunProperty = (optional = false): PropertyDecorator =>
  applyDecorators(
    apiProperty(optional, {
      example: '0138',
      pattern: '^\\d{4}$',
      description: 'SCB:s fyrsiffriga kommunkod',
    }),
    optionalWhen(
      optional,
      IsString(),
      Matches(/^\d{4}$/, { message: '$property måste vara en fyrsiffrig kommunkod' }),
    ),
  );

export const FritextProperty = (
  maxLength: number,
  optional = false,
  options: { allowEmpty?: boolean } = {},
): PropertyDecorator => FreeText({ maxLength, optional, ...options });

/** A reason (orsak): required text, typed in a multi-line field. */
export const OrsakProperty = (): PropertyDecorator => FreeText({ multiline: true });
