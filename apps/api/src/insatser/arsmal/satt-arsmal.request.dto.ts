import { MAX_ANTAL } from '#domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, Max, Min, ValidateIf } from 'class-validator';

// A part may be left out (it keeps its earlier value), but not sent as null.
const given = ValidateIf((_, value) => value !== undefined);

/** The calendar-year goals; every part optional, at least one given (else 422). */
export class SattArsmalRequestDto {
  @ApiPropertyOptional({
    description: 'Aktuella deltagare under året',
    minimum: 0,
    maximum: MAX_ANTAL,
    type: 'integer',
  })
  @given
  @IsInt()
  @Min(0)
  @Max(MAX_ANTAL)
  deltagare?: number;

  @ApiPropertyOptional({
    description: 'Nya deltagare under året',
    minimum: 0,
    maximum: MAX_ANTAL,
    type: 'integer',
  })
  @given
  @IsInt()
  @Min(0)
  @Max(MAX_ANTAL)
  nyaDeltagare?: number;

  @ApiPropertyOptional({
    description: 'Andel av avslutade till arbete eller studier, 0–1',
    minimum: 0,
    maximum: 1,
  })
  @given
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  andelArbeteStudier?: number;
}
