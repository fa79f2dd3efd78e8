import { MAX_INSATSER, asOfProblem } from '#statistik';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsISO8601,
  IsOptional,
  IsUUID,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';
import { CivilDateProperty } from '../../http/civil-date.validator.js';

const IsMoment = (): PropertyDecorator =>
  ValidateBy({
    name: 'isMoment',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && !asOfProblem(value),
      defaultMessage: (args?: ValidationArguments) =>
        (asOfProblem(String(args?.value)) ?? '').replace('asOf', String(args?.property)),
    },
  });

/** The period (checked as every report's: at most ten years) and the two as-of moments. */
export class ForandringarQueryDto {
  @CivilDateProperty('Periodens första dag (ingår)')
  fran: string;

  @CivilDateProperty('Periodens sista dag (ingår); högst 10 år efter fran')
  till: string;

  @ApiProperty({ description: 'Rapporten som känd vid denna tidpunkt (ISO 8601)' })
  @IsISO8601({ strict: true }, { message: 'fore måste vara en tidpunkt (ISO 8601)' })
  @IsMoment()
  fore: string;

  @ApiPropertyOptional({ description: 'Jämförs med rapporten som känd då; nu om den inte anges' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'efter måste vara en tidpunkt (ISO 8601)' })
  @IsMoment()
  efter?: string;

  @ApiPropertyOptional({ type: [String], description: 'Insats-id; kan upprepas' })
  @IsOptional()
  @Transform(({ value }) => (Array.isArray(value) ? value : [value]))
  @IsArray()
  @ArrayMaxSize(MAX_INSATSER)
  @IsUUID('all', { each: true })
  insats?: string[];
}

export class HandelseDto {
  @ApiProperty() deltagandeId: string;
  @ApiProperty({ description: 'Händelsens typ, t.ex. AvslutKorrigerad' }) typ: string;
  @ApiProperty({ type: String, nullable: true, description: 'Affärsdatum, om händelsen har ett' })
  datum: string | null;
  @ApiProperty() recordedAt: string;
  @ApiPropertyOptional({ description: 'Den registrerande användarens e-post (bara för admin)' })
  anvandare?: string;
}

export class AndringDto {
  @ApiProperty() tabell: string;
  @ApiProperty() rad: string;
  @ApiProperty() kolumn: string;
  @ApiPropertyOptional() insatsId?: string;
  @ApiPropertyOptional() grupp?: string;
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }],
  })
  fore: number | string | boolean | null;
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }],
  })
  efter: number | string | boolean | null;
  @ApiProperty({ type: [HandelseDto] }) handelser: HandelseDto[];
}

export class ForandringarDto {
  @ApiProperty() fore: string;
  @ApiProperty() efter: string;
  @ApiProperty({ type: [AndringDto] }) andringar: AndringDto[];
}
