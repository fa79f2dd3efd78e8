import { MAX_KRONOR } from '#domain';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

/** Whole kronor 0–1,000,000,000; may be left out, but not sent as null. */
const Kronor = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ description, minimum: 0, maximum: MAX_KRONOR, type: 'integer' }),
    ValidateIf((_, value) => value !== undefined),
    IsInt(),
    Min(0),
    Max(MAX_KRONOR),
  );

/** Budget and kostnad of one calendar year; at least one (a part left out keeps its value). */
export class SattEkonomiRequestDto {
  @Kronor('Budget för året i kronor')
  budget?: number;

  @Kronor('Kostnad för året i kronor')
  kostnad?: number;
}
