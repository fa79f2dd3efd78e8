import { isCivilDate } from '#domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, ValidateBy, type ValidationOptions } from 'class-validator';

const IsCivilDateFormat = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isCivilDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCivilDate(value),
        defaultMessage: () => '$property måste vara ett datum YYYY-MM-DD',
      },
    },
    options,
  );

/** A business date: YYYY-MM-DD and a real calendar day. */
export const CivilDateProperty = (description?: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ type: String, format: 'date', example: '2026-03-01', description }),
    IsString(),
    IsCivilDateFormat(),
  );

export const OptionalCivilDateProperty = (description?: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date', example: '2026-12-31', description }),
    IsOptional(),
    IsString(),
    IsCivilDateFormat(),
  );
