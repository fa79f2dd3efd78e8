import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { OptionalCivilDateProperty } from '../../http/civil-date.validator.js';
import { FreeText } from '../../http/free-text.js';

export const MAX_ORDNING = 10_000;

/** Left out means unchanged; a namn cannot be cleared, so null is refused like any non-text. */
const OmittableText = (maxLength: number): PropertyDecorator =>
  applyDecorators(
    ValidateIf((_, value) => value !== undefined),
    FreeText({ maxLength }),
    ApiPropertyOptional({ type: String, minLength: 1, maxLength }),
  );

/** Left out means unchanged; null or "" clears it. */
const ClearableText = (maxLength: number, example?: string): PropertyDecorator =>
  applyDecorators(
    FreeText({ maxLength, optional: true, allowEmpty: true }),
    ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength,
      description: 'null eller "" tar bort värdet',
      ...(example === undefined ? {} : { example }),
    }),
  );

/** Only the fields sent change (at least one); the others keep their value. */
export class AndraInsatsRequestDto {
  @OmittableText(200)
  namn?: string;

  @ClearableText(200)
  utforare?: string | null;

  @ClearableText(500)
  malgrupp?: string | null;

  @ClearableText(200, 'Rätt stöd för mig')
  grupp?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: MAX_ORDNING,
    description: 'Förbundets ordning i listor och tabeller; null: efter de andra',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ORDNING)
  ordning?: number | null;

  @OptionalCivilDateProperty('Planerat slutdatum; null tar bort det')
  slutdatum?: string | null;
}
