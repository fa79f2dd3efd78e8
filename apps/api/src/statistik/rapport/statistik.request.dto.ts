import { isCivilDate, parseAldersgrupper } from '#domain';
import {
  asOfProblem,
  JAMFOR,
  jamforelsePeriod,
  MAX_ALDERSGRUPPER,
  MAX_ALDERSGRUPPER_TECKEN,
  MAX_INSATSER,
  MAX_PERIOD_YEARS,
  reportDateProblem,
  reportPeriodProblem,
  type Jamfor,
} from '#statistik';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
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
          return parseAldersgrupper(String(value)).length <= MAX_ALDERSGRUPPER;
        } catch {
          return false;
        }
      },
      defaultMessage: () =>
        `aldersgrupper måste vara högst ${MAX_ALDERSGRUPPER} åldersband som inte överlappar, t.ex. 16-24,25-64`,
    },
  });

/** The period rule of `reportPeriodProblem`, reported on `till` once both dates are dates. */
const IsReportPeriod = (): PropertyDecorator =>
  ValidateBy({
    name: 'isReportPeriod',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const { fran } = args?.object as StatistikQueryDto;
        if (typeof value !== 'string' || typeof fran !== 'string') return true;
        if (reportDateProblem(value) || reportDateProblem(fran)) return true;
        return reportPeriodProblem(fran, value) === undefined;
      },
      defaultMessage: (args?: ValidationArguments) =>
        reportPeriodProblem((args?.object as StatistikQueryDto).fran, String(args?.value)) ?? '',
    },
  });

const IsReportDate = (): PropertyDecorator =>
  ValidateBy({
    name: 'isReportDate',
    validator: {
      validate: (value: unknown) =>
        typeof value !== 'string' || !isCivilDate(value) || !reportDateProblem(value),
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} ${reportDateProblem(String(args?.value))}`,
    },
  });

const IsReportAsOf = (): PropertyDecorator =>
  ValidateBy({
    name: 'isReportAsOf',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && !asOfProblem(value),
      defaultMessage: (args?: ValidationArguments) => asOfProblem(String(args?.value)) ?? '',
    },
  });

/** The comparison period must be a report period too (ten years, 1900–2200). */
const comparisonProblem = (jamfor: unknown, object: StatistikQueryDto): string | undefined => {
  const { fran, till } = object;
  if (!JAMFOR.includes(jamfor as Jamfor) || typeof fran !== 'string' || typeof till !== 'string') {
    return undefined;
  }
  if (reportPeriodProblem(fran, till)) return undefined;
  const period = jamforelsePeriod(jamfor as Jamfor, { fran, till });
  const problem = reportPeriodProblem(period.fran, period.till);
  return problem && `Jämförelseperioden ${period.fran}–${period.till}: ${problem}`;
};

const IsComparablePeriod = (): PropertyDecorator =>
  ValidateBy({
    name: 'isComparablePeriod',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        comparisonProblem(value, args?.object as StatistikQueryDto) === undefined,
      defaultMessage: (args?: ValidationArguments) =>
        comparisonProblem(args?.value, args?.object as StatistikQueryDto) ?? '',
    },
  });

/**
 * What every statistics request shares (report, export, underlag): a period of at most
 * ten years between 1900 and 2200, a real moment for asOf, a bounded list of insatser.
 */
export class StatistikQueryDto {
  @CivilDateProperty('Periodens första dag (ingår); år 1900–2200')
  @IsReportDate()
  fran: string;

  @CivilDateProperty(
    `Periodens sista dag (ingår); inte före fran och högst ${MAX_PERIOD_YEARS} år efter`,
  )
  @IsReportDate()
  @IsReportPeriod()
  till: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_INSATSER,
    description: `Insats-id; kan upprepas (högst ${MAX_INSATSER})`,
  })
  @IsOptional()
  @Transform(({ value }) => (Array.isArray(value) ? value : [value]))
  @IsArray()
  @ArrayMaxSize(MAX_INSATSER)
  @IsUUID('all', { each: true })
  insats?: string[];

  @ApiPropertyOptional({
    description:
      'Som känt vid denna tidpunkt (ISO 8601): bara händelser registrerade senast då räknas',
    example: '2026-01-15T12:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsReportAsOf()
  asOf?: string;

  @ApiPropertyOptional({
    example: '16-24,25-64',
    maxLength: MAX_ALDERSGRUPPER_TECKEN,
    description: `Egna åldersband (högst ${MAX_ALDERSGRUPPER})`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ALDERSGRUPPER_TECKEN)
  @IsAldersgrupper()
  aldersgrupper?: string;

  @ApiPropertyOptional({ description: 'Publiceringsskydd: antal 1–4 visas som "<5"' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  skydda?: boolean;
}

/** The report's own query: the shared one and a comparison period. */
export class StatistikReportQueryDto extends StatistikQueryDto {
  @ApiPropertyOptional({
    enum: JAMFOR,
    description:
      'Jämför med föregående lika långa period (foregaende: hela månader med lika många månader, till exempel 2024 med 2023; annars lika många dagar) eller samma datum året innan (fjol)',
  })
  @IsOptional()
  @IsIn(JAMFOR)
  @IsComparablePeriod()
  jamfor?: Jamfor;
}
