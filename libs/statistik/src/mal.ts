import {
  daysBetween,
  isAndelsmatt,
  MALMATT,
  UTFALL_FOR_AVSLUTSORSAK,
  type Avslutsorsak,
  type CivilDate,
  type Malmatt,
} from '#domain';
import type { Aggregat, ReportFrame } from './assemble-report.js';
import type { MalRow } from './report.js';

/*
 * Goals (mål) in the report: each goal whose period overlaps the report's, with its utfall over
 * the goal's own period up to the report's till, counted as the report counts its own tables.
 */

type Andelsmatt = Exclude<Malmatt, 'deltagare' | 'nya' | 'avslutade'>;

/** The avslutsorsaker each share counts among the avslutade: the report's utfall groups. */
const RAKNAS_TILL: Record<Andelsmatt, (orsak: Avslutsorsak) => boolean> = {
  'andel-arbete-studier': (orsak) => ['arbete', 'studier'].includes(UTFALL_FOR_AVSLUTSORSAK[orsak]),
  'andel-arbete': (orsak) => UTFALL_FOR_AVSLUTSORSAK[orsak] === 'arbete',
  'andel-studier': (orsak) => UTFALL_FOR_AVSLUTSORSAK[orsak] === 'studier',
  'andel-arbete-studier-arbetssokande': (orsak) =>
    ['arbete', 'studier', 'arbetssokande'].includes(UTFALL_FOR_AVSLUTSORSAK[orsak]),
  'andel-ordinarie-insats': (orsak) => orsak === 'ordinarie-insats',
};
const ANDELSMATT = Object.keys(RAKNAS_TILL) as Andelsmatt[];

/** What a goal's utfall is taken from, over one window for one insats or a sum of them. */
interface Underlag {
  aktuella: number;
  nya: number;
  avslutade: number;
  /** Each share's count among the avslutade. */
  andel: Record<Andelsmatt, number>;
}

const tomt = (): Underlag => ({
  aktuella: 0,
  nya: 0,
  avslutade: 0,
  andel: Object.fromEntries(ANDELSMATT.map((matt) => [matt, 0])) as Record<Andelsmatt, number>,
});

const laggTill = (sum: Underlag, del: Underlag): void => {
  sum.aktuella += del.aktuella;
  sum.nya += del.nya;
  sum.avslutade += del.avslutade;
  for (const matt of ANDELSMATT) sum.andel[matt] += del.andel[matt];
};

const raknaAvslutade = (underlag: Underlag, orsak: Avslutsorsak, antal: number): void => {
  for (const matt of ANDELSMATT) if (RAKNAS_TILL[matt](orsak)) underlag.andel[matt] += antal;
};

const fonster = (fran: string, till: string): string => `${fran}|${till}`;
const minst = (a: CivilDate, b: CivilDate): CivilDate => (a < b ? a : b);

/** Window → insats → underlag, for the report's period and every goal window of its own. */
type Underlagskarta = Map<string, Map<string, Underlag>>;

/** Built once per report (aggregates and frame), however many lists of goals it has. */
const kartor = new WeakMap<Aggregat, WeakMap<ReportFrame, Underlagskarta>>();

const underlagskarta = (aggregat: Aggregat, frame: ReportFrame): Underlagskarta => {
  let perFrame = kartor.get(aggregat);
  if (!perFrame) kartor.set(aggregat, (perFrame = new WeakMap()));
  const cached = perFrame.get(frame);
  if (cached) return cached;
  const karta: Underlagskarta = new Map();
  const av = (nyckel: string, insatsId: string): Underlag => {
    let perInsats = karta.get(nyckel);
    if (!perInsats) karta.set(nyckel, (perInsats = new Map()));
    let underlag = perInsats.get(insatsId);
    if (!underlag) perInsats.set(insatsId, (underlag = tomt()));
    return underlag;
  };
  const period = fonster(frame.fran, frame.till);
  for (const row of aggregat.perKon) {
    const underlag = av(period, row.insats_id);
    underlag.aktuella += row.aktuella;
    underlag.nya += row.nya;
    underlag.avslutade += row.avslutade;
  }
  for (const row of aggregat.avslutsorsak) {
    if (row.insats_id !== null)
      raknaAvslutade(av(period, row.insats_id), row.avslutsorsak, row.antal);
  }
  for (const row of aggregat.malUtfall) {
    const underlag = av(fonster(row.fran, row.till), row.insats_id);
    underlag.aktuella += row.aktuella;
    underlag.nya += row.nya;
    underlag.avslutade += row.avslutade;
    if (row.avslutsorsak !== null) raknaAvslutade(underlag, row.avslutsorsak, row.avslutade);
  }
  perFrame.set(frame, karta);
  return karta;
};

/** The sum of the underlag of the insatser given (null: every insats) over one window. */
const summa = (
  karta: Underlagskarta,
  nyckel: string,
  insatsIds: readonly string[] | null,
): Underlag => {
  const sum = tomt();
  const perInsats = karta.get(nyckel);
  if (!perInsats) return sum;
  if (insatsIds === null) for (const del of perInsats.values()) laggTill(sum, del);
  else
    for (const id of insatsIds) {
      const del = perInsats.get(id);
      if (del) laggTill(sum, del);
    }
  return sum;
};

/** Inclusive: a goal from 1 January to 31 December lasts 365 or 366 days. */
const dagar = (fran: CivilDate, till: CivilDate): number => daysBetween(fran, till) + 1;

/**
 * Whether a goal longer than the report's period is on course at the report's till:
 * undefined for a goal no longer than the period (its utfall is simply set against the goal).
 * A count must have reached the goal's share of the days gone by,
 * utfall ≥ varde × elapsed / goal days, where elapsed runs from the goal's fran to the
 * report's till or the goal's, whichever comes first, both days included. A share is not
 * prorated: it is on course when the share so far reaches the goal. Null where utfall is
 * unknown (a share with no avslutade yet).
 */
export const iFas = (
  mal: { matt: Malmatt; fran: CivilDate; till: CivilDate; varde: number },
  period: { fran: CivilDate; till: CivilDate },
  utfall: number | null,
): boolean | null | undefined => {
  const malDagar = dagar(mal.fran, mal.till);
  if (malDagar <= dagar(period.fran, period.till)) return undefined;
  if (utfall === null) return null;
  if (isAndelsmatt(mal.matt)) return utfall >= mal.varde;
  const gangna = dagar(mal.fran, minst(period.till, mal.till));
  // In whole numbers: no rounding decides a goal met exactly on the day.
  return utfall * malDagar >= mal.varde * gangna;
};

/** utfall / varde; null where the goal is 0 or utfall unknown. */
export const andelAvMal = (utfall: number | null, varde: number): number | null =>
  utfall === null || varde === 0 ? null : utfall / varde;

interface Mal {
  malId: string;
  matt: Malmatt;
  fran: CivilDate;
  till: CivilDate;
  varde: number;
}

const malRad = (mal: Mal, underlag: Underlag, period: ReportFrame): MalRow => {
  const { malId, matt, fran, till, varde } = mal;
  const rakning = matt === 'deltagare' || matt === 'nya' || matt === 'avslutade';
  // A count goal counts; a share goal divides its count by the avslutade of its window.
  const antal = rakning ? undefined : underlag.andel[matt];
  const utfall =
    matt === 'deltagare'
      ? underlag.aktuella
      : matt === 'nya' || matt === 'avslutade'
        ? underlag[matt]
        : underlag.avslutade === 0
          ? null
          : antal! / underlag.avslutade;
  const fas = iFas(mal, period, utfall);
  return {
    malId,
    matt,
    fran,
    till,
    varde,
    utfall,
    andelAvMal: andelAvMal(utfall, varde),
    ...(fas === undefined ? {} : { iFas: fas }),
    ...(antal === undefined ? {} : { underlag: { antal, avslutade: underlag.avslutade } }),
  };
};

/** The calendar-year goals of ArsmalSatt: one goal per part that was set. */
const ARSMAL_DELAR = [
  ['deltagare', 'deltagare'],
  ['nya_deltagare', 'nya'],
  ['andel_arbete_studier', 'andel-arbete-studier'],
] as const;

/**
 * An årsmål year's underlag: the period's own when the year's window [1 January, min(31
 * December, till)] is the period, else the year's counts (which give only arbete/studier
 * among the shares: the one share an årsmål has).
 */
const arsUnderlag = (
  aggregat: Aggregat,
  frame: ReportFrame,
  karta: Underlagskarta,
  insatsId: string,
  ar: number,
): Underlag => {
  if (!frame.arMedEgetFonster.includes(ar))
    return summa(karta, fonster(frame.fran, frame.till), [insatsId]);
  const underlag = tomt();
  for (const row of aggregat.ar) {
    if (row.insats_id !== insatsId || row.ar !== ar) continue;
    underlag.aktuella += row.aktuella;
    underlag.nya += row.nya;
    underlag.avslutade += row.avslutade;
    underlag.andel['andel-arbete-studier'] += row.arbete_studier;
  }
  return underlag;
};

const MATT_ORDNING = new Map(MALMATT.map((matt, i) => [matt, i] as const));
const iOrdning = (a: MalRow, b: MalRow): number =>
  a.fran.localeCompare(b.fran) ||
  a.till.localeCompare(b.till) ||
  MATT_ORDNING.get(a.matt)! - MATT_ORDNING.get(b.matt)! ||
  a.malId.localeCompare(b.malId);

/** Whose goals: an insats's own, a grupp's (over its insatser), or the whole förbund's. */
export type Malomfang =
  | { typ: 'insats'; insatsId: string }
  | { typ: 'grupp'; grupp: string; insatsIds: readonly string[] }
  | { typ: 'forbund' };

/**
 * The goals of one insats (its own and its årsmål parts), grupp or the förbund that overlap
 * the report's period, each with its utfall over its own period, in order of period and mått.
 */
export const malFor = (aggregat: Aggregat, frame: ReportFrame, omfang: Malomfang): MalRow[] => {
  const karta = underlagskarta(aggregat, frame);
  const insatsIds =
    omfang.typ === 'insats' ? [omfang.insatsId] : omfang.typ === 'grupp' ? omfang.insatsIds : null;
  const egna = aggregat.mal.filter((mal) =>
    omfang.typ === 'insats'
      ? mal.insats_id === omfang.insatsId
      : mal.insats_id === null && mal.grupp === (omfang.typ === 'grupp' ? omfang.grupp : null),
  );
  const rader = egna.map((mal) =>
    malRad(
      { malId: mal.mal_id, matt: mal.matt, fran: mal.fran, till: mal.till, varde: mal.varde },
      summa(karta, fonster(mal.fran, minst(mal.till, frame.till)), insatsIds),
      frame,
    ),
  );
  if (omfang.typ === 'insats') {
    for (const arsmal of aggregat.arsmal) {
      if (arsmal.insats_id !== omfang.insatsId) continue;
      const underlag = arsUnderlag(aggregat, frame, karta, omfang.insatsId, arsmal.ar);
      for (const [del, matt] of ARSMAL_DELAR) {
        const varde = arsmal[del];
        if (varde === null) continue;
        const mal = {
          malId: `arsmal-${arsmal.ar}-${matt}`,
          matt,
          fran: `${arsmal.ar}-01-01`,
          till: `${arsmal.ar}-12-31`,
          varde,
        };
        rader.push(malRad(mal, underlag, frame));
      }
    }
  }
  return rader.sort(iOrdning);
};
