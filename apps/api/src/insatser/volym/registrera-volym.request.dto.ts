import { isKommunkod, MAX_ANTAL } from '#domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, Min, ValidateBy } from 'class-validator';
import { CivilDateProperty } from '../../http/civil-date.validator.js';
import { FreeText } from '../../http/free-text.js';

export class RegistreraVolymRequestDto {
  @CivilDateProperty()
  datum: string;

  @ApiProperty({ minimum: 0, maximum: MAX_ANTAL })
  @IsInt()
  @Min(0)
  @Max(MAX_ANTAL)
  kvinnor: number;

  @ApiProperty({ minimum: 0, maximum: MAX_ANTAL })
  @IsInt()
  @Min(0)
  @Max(MAX_ANTAL)
  man: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_ANTAL })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ANTAL)
  ejAngivet?: number;

  @FreeText({ maxLength: 200, optional: true, example: 'Föreläsning om arbetsmarknaden' })
  aktivitet?: string;

  @ApiPropertyOptional({
    example: '1441',
    nullable: true,
    pattern: '^\\d{4}$',
    description: 'SCB:s fyrsiffriga kommunkod för de räknade, om den är känd',
  })
  @IsOptional()
  @IsString()
  @ValidateBy({
    name: 'isKommunkod',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isKommunkod(value),
      defaultMessage: () => '$property måste vara en av SCB:s kommunkoder',
    },
  })
  kommun?: string | null;
}
