import { parseAldersgrupper } from '#domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';
import { CivilDateProperty } from '../../http/civil-date.validator.js';

const IsAldersgrupper = (): PropertyDecorator =>
  ValidateBy({
    name: 'isAldersgrupper',
    validator: {
      validate: (value: unknown) => {
        try {
          parseAldersgrupper(String(value));
          return true;
        } catch {
          return false;
        }
      },
      defaultMessage: () =>
        'aldersgrupper måste vara åldersband som inte överlappar, t.ex. 16-24,25-64',
    },
  });

const NotBeforeFran = (): PropertyDecorator =>
  ValidateBy({
    name: 'notBeforeFran',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        typeof value !== 'string' || value >= (args?.object as StatistikQueryDto).fran,
      defaultMessage: () => 'till får inte vara före fran',
    },
  });

export class StatistikQueryDto {
  @CivilDateProperty('Periodens första dag (ingår)')
  fran: string;

  @CivilDateProperty('Periodens sista dag (ingår)')
  @NotBeforeFran()
  till: string;

  @ApiPropertyOptional({ type: [String], description: 'Insats-id; kan upprepas' })
  @IsOptional()
  @Transform(({ value }) => (Array.isArray(value) ? value : [value]))
  @IsArray()
  @IsUUID('all', { each: true })
  insats?: string[];

  @ApiPropertyOptional({
    description:
      'Som känt vid denna tidpunkt (ISO 8601): bara händelser registrerade senast då räknas',
    example: '2026-01-15T12:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ example: '16-24,25-64', description: 'Egna åldersband' })
  @IsOptional()
  @IsString()
  @IsAldersgrupper()
  aldersgrupper?: string;

  @ApiPropertyOptional({ description: 'Publiceringsskydd: antal 1–4 visas som "<5"' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  skydda?: boolean;
}

export class StatistikReportDto {
  @ApiProperty({ type: Object, example: { fran: '2025-01-01', till: '2025-12-31' } })
  period: { fran: string; till: string };

  @ApiProperty({ description: 'Tidpunkten rapporten avser (som känt då)' })
  asOf: string;

  @ApiProperty({ type: Object })
  forbund: { id: string; namn: string };

  @ApiProperty({ type: [Object], description: 'Tabellerna per insats (se API.md)' })
  insatser: object[];

  @ApiProperty({ type: Object, description: 'Tabellerna för hela förbundet och unikaPersoner' })
  totalt: object;
}
