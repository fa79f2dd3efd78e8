import {
  isAndelsmatt,
  isCivilDate,
  isHeltalMellan,
  MALMATT,
  MALMATT_ANDEL,
  MAX_ANTAL,
  MAX_MAL_PERIOD_YEARS,
  yearsLater,
  type Malmatt,
} from '#domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNumber, ValidateBy } from 'class-validator';
import { CivilDateProperty } from '../../http/civil-date.validator.js';

/** A count for count measures, a share 0–1 for the `andel-…` measures (as requireMal has it). */
const IsMalVarde = (): PropertyDecorator =>
  ValidateBy({
    name: 'isMalVarde',
    validator: {
      validate: (value: unknown, args) => {
        const { matt } = args?.object as { matt?: unknown };
        if (typeof value !== 'number' || !Number.isFinite(value)) return false;
        if (!(MALMATT as readonly unknown[]).includes(matt)) return value >= 0;
        return isAndelsmatt(matt as Malmatt)
          ? value >= 0 && value <= 1
          : isHeltalMellan(value, 0, MAX_ANTAL);
      },
      defaultMessage: (args) =>
        MALMATT_ANDEL.includes((args?.object as { matt?: Malmatt }).matt as Malmatt)
          ? '$property måste vara en andel mellan 0 och 1'
          : '$property måste vara ett heltal från 0 till och med 1 000 000',
    },
  });

/** `till` on or after `fran`, and less than MAX_MAL_PERIOD_YEARS later. */
const IsMalPeriodSlut = (): PropertyDecorator =>
  ValidateBy({
    name: 'isMalPeriodSlut',
    validator: {
      validate: (till: unknown, args) => {
        const { fran } = args?.object as { fran?: unknown };
        // A malformed date is reported by its own field's rule.
        if (typeof till !== 'string' || typeof fran !== 'string') return true;
        if (!isCivilDate(till) || !isCivilDate(fran)) return true;
        return till >= fran && till < yearsLater(fran, MAX_MAL_PERIOD_YEARS);
      },
      defaultMessage: () =>
        `$property måste vara samma dag som fran eller senare, och perioden högst ${MAX_MAL_PERIOD_YEARS} år`,
    },
  });

/** A goal: measure, period and target (`PUT …/mal/:malId`). */
export class SattMalRequestDto {
  @ApiProperty({ enum: MALMATT, description: 'Måttet (kodlistan malmatt)' })
  @IsIn(MALMATT)
  matt: Malmatt;

  @CivilDateProperty('Periodens första dag')
  fran: string;

  @CivilDateProperty(`Periodens sista dag; högst ${MAX_MAL_PERIOD_YEARS} år efter fran`)
  @IsMalPeriodSlut()
  till: string;

  @ApiProperty({
    description: 'Ett antal 0–1 000 000 (heltal) för antalsmått, en andel 0–1 för andel-…',
    minimum: 0,
    maximum: MAX_ANTAL,
    example: 330,
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsMalVarde()
  varde: number;
}
