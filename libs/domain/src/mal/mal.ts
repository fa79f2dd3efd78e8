import { isCivilDate, yearsLater, type CivilDate } from '../civil-date.js';
import { isKod, MALMATT, MALMATT_ANDEL, type Malmatt } from '../codes.js';
import { DomainError } from '../domain-error.js';
import { isHeltalMellan, MAX_ANTAL } from '../limits.js';

/*
 * Goals (mål): a measure, a period of up to ten years and a target. They live on the stream of
 * the insats they belong to, or on `forbund-<id>` for a grupp or the whole förbund.
 */

/** A goal's period is at most this many years: a calendar year, a half-year or a project. */
export const MAX_MAL_PERIOD_YEARS = 10;

export type Mal = {
  matt: Malmatt;
  fran: CivilDate;
  till: CivilDate;
  /** A count 0–1,000,000 for count measures, a share 0–1 for `andel-…` measures. */
  varde: number;
};

/** `malId` is the client's uuid: setting it again replaces the goal. */
export type MalSatt = { type: 'MalSatt'; data: { malId: string } & Mal };
export type MalBorttaget = { type: 'MalBorttaget'; data: { malId: string } };

export const malOf = ({ matt, fran, till, varde }: Mal): Mal => ({ matt, fran, till, varde });

export const isAndelsmatt = (matt: Malmatt): boolean => MALMATT_ANDEL.includes(matt);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A goal as the rules allow it, or a DomainError naming what is wrong (in Swedish). */
export const requireMal = (data: { malId: string } & Mal): { malId: string } & Mal => {
  if (typeof data.malId !== 'string' || !UUID.test(data.malId))
    throw new DomainError('MAL.OGILTIGT_ID', 'Målets id måste vara ett uuid', {
      malId: data.malId,
    });
  if (!isKod(MALMATT, data.matt))
    throw new DomainError('MAL.OKANT_MATT', `Okänt mått för mål: ${String(data.matt)}`, {
      matt: data.matt,
    });
  for (const [falt, datum] of [
    ['fran', data.fran],
    ['till', data.till],
  ] as const)
    if (typeof datum !== 'string' || !isCivilDate(datum))
      throw new DomainError('MAL.OGILTIGT_DATUM', `Ogiltigt datum för ${falt}: ${String(datum)}`, {
        falt,
        varde: datum,
      });
  if (data.till < data.fran)
    throw new DomainError('MAL.TILL_FORE_FRAN', 'Målets till-datum kan inte vara före från-datum', {
      fran: data.fran,
      till: data.till,
    });
  if (data.till >= yearsLater(data.fran, MAX_MAL_PERIOD_YEARS))
    throw new DomainError(
      'MAL.FOR_LANG_PERIOD',
      `Ett måls period får vara högst ${MAX_MAL_PERIOD_YEARS} år`,
      { fran: data.fran, till: data.till },
    );
  if (isAndelsmatt(data.matt)) {
    if (
      typeof data.varde !== 'number' ||
      !Number.isFinite(data.varde) ||
      data.varde < 0 ||
      data.varde > 1
    )
      throw new DomainError('MAL.OGILTIG_ANDEL', 'En andel måste vara ett tal mellan 0 och 1', {
        varde: data.varde,
      });
  } else if (!isHeltalMellan(data.varde, 0, MAX_ANTAL))
    throw new DomainError(
      'MAL.OGILTIGT_ANTAL',
      'Ett antal måste vara ett heltal från 0 till och med 1 000 000',
      { varde: data.varde, max: MAX_ANTAL },
    );
  return { malId: data.malId, ...malOf(data) };
};
