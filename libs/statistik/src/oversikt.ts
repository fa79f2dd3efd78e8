import { daysLater } from '#domain';
import type {
  Antal,
  ByKon,
  Jamforelse,
  OversiktEkonomi,
  OversiktJamforelse,
  OversiktRow,
  StatistikReport,
  StatistikTables,
} from './report.js';

/** What `jamfor` asks for: the equally long period just before, or the same dates a year earlier. */
export const JAMFOR = ['foregaende', 'fjol'] as const;
export type Jamfor = (typeof JAMFOR)[number];

const dayCount = (fran: string, till: string): number =>
  Math.round((Date.parse(`${till}T00:00:00Z`) - Date.parse(`${fran}T00:00:00Z`)) / 86_400_000) + 1;

/** The same date a year earlier; 29 February becomes 28 February. */
const aretInnan = (date: string): string => {
  const ar = String(Number(date.slice(0, 4)) - 1).padStart(4, '0');
  const rest = date.slice(4) === '-02-29' ? '-02-28' : date.slice(4);
  return `${ar}${rest}`;
};

/** The first day of the month `months` months after (or before) the month of `date`. */
const monthStart = (date: string, months: number): string => {
  const [ar, manad] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(ar, manad - 1 + months, 1)).toISOString().slice(0, 10);
};

/** A period of whole calendar months: it starts on a 1st and ends on a month's last day. */
const wholeMonths = ({ fran, till }: { fran: string; till: string }): number | null => {
  if (!fran.endsWith('-01') || daysLater(till, 1).slice(8) !== '01') return null;
  const months = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return months(till) - months(fran) + 1;
};

/**
 * The comparison period of `jamfor`. `foregaende` ends the day before `fran` and is as long:
 * a period of whole months (a year, a half-year, a quarter) is preceded by as many whole
 * months, as a kansli reads "föregående period" (2024 by 2023, H1 2020 by H2 2019, though
 * their day counts differ); any other period by as many days. `fjol` is the same dates one
 * year earlier (29 February → 28 February).
 */
export const jamforelsePeriod = (
  typ: Jamfor,
  period: { fran: string; till: string },
): { fran: string; till: string } => {
  if (typ === 'fjol') return { fran: aretInnan(period.fran), till: aretInnan(period.till) };
  const till = daysLater(period.fran, -1);
  const months = wholeMonths(period);
  if (months !== null) return { fran: monthStart(period.fran, -months), till };
  return { fran: daysLater(till, 1 - dayCount(period.fran, period.till)), till };
};

const tal = (antal: Antal): number | null => (typeof antal === 'number' ? antal : null);

const sumOrNull = (values: readonly (number | null)[]): number | null => {
  const set = values.filter((value): value is number => value !== null);
  return set.length === 0 ? null : set.reduce((a, b) => a + b, 0);
};

const perPerson = (kostnad: number | null, antal: Antal): number | null => {
  const n = tal(antal);
  return kostnad === null || n === null || n === 0 ? null : Math.round(kostnad / n);
};

/**
 * Budget and kostnad summed over the period's calendar years; kostnad per aktuell and per ny
 * deltagare over the whole period (a suppressed or zero count gives null, as in the tables).
 */
const ekonomiFor = (tables: StatistikTables): OversiktEkonomi | undefined => {
  if (tables.ekonomi.length === 0) return undefined;
  const budget = sumOrNull(tables.ekonomi.map((rad) => rad.budget));
  const kostnad = sumOrNull(tables.ekonomi.map((rad) => rad.kostnad));
  return {
    budget,
    kostnad,
    kostnadPerDeltagare: perPerson(kostnad, tables.deltagare.aktuella.totalt),
    kostnadPerNyDeltagare: perPerson(kostnad, tables.deltagare.nya.totalt),
  };
};

const copyFigures = (figures: OversiktJamforelse): OversiktJamforelse => ({
  aktuella: { ...figures.aktuella },
  nya: { ...figures.nya },
  avslutade: { ...figures.avslutade },
  arbeteEllerStudier: {
    antal: { ...figures.arbeteEllerStudier.antal },
    andel: { ...figures.arbeteEllerStudier.andel },
  },
});

const figures = (tables: StatistikTables): OversiktJamforelse =>
  copyFigures({ ...tables.deltagare, arbeteEllerStudier: tables.utfall.arbeteEllerStudier });

const hasVolym = (volym: ByKon): boolean => volym.totalt !== 0;

const row = (
  head: Pick<OversiktRow, 'typ' | 'namn' | 'insatsId' | 'grupp'>,
  tables: StatistikTables,
): OversiktRow => {
  const ekonomi = ekonomiFor(tables);
  return {
    ...head,
    ...figures(tables),
    ...(hasVolym(tables.volym) ? { volym: { ...tables.volym } } : {}),
    mal: structuredClone(tables.mal),
    ...(ekonomi ? { ekonomi } : {}),
  };
};

/**
 * The overview (DESIGN.md "The overview and comparison") read off the report's own tables, so
 * that a suppressed report's overview hides the very cells its tables hide: one row per
 * insats in the förbund's order, a grupp's subtotal after its last insats, the förbund last.
 * Volym only where some volym was registered.
 */
export const oversiktFor = (
  report: Pick<StatistikReport, 'insatser' | 'grupper' | 'totalt' | 'forbund'>,
): OversiktRow[] => {
  const lastOfGrupp = new Map<string, string>();
  for (const insats of report.insatser) {
    if (insats.grupp !== null) lastOfGrupp.set(insats.grupp, insats.insatsId);
  }
  const grupper = new Map(report.grupper.map((grupp) => [grupp.grupp, grupp] as const));
  const rows: OversiktRow[] = [];
  for (const insats of report.insatser) {
    rows.push(
      row(
        {
          typ: 'insats',
          insatsId: insats.insatsId,
          ...(insats.grupp !== null ? { grupp: insats.grupp } : {}),
          namn: insats.namn,
        },
        insats,
      ),
    );
    const grupp = insats.grupp === null ? undefined : grupper.get(insats.grupp);
    if (grupp && lastOfGrupp.get(grupp.grupp) === insats.insatsId) {
      rows.push(row({ typ: 'grupp', grupp: grupp.grupp, namn: grupp.grupp }, grupp));
    }
  }
  rows.push(row({ typ: 'forbund', namn: report.forbund.namn }, report.totalt));
  return rows;
};

const rowKey = (rad: OversiktRow): string =>
  rad.typ === 'insats'
    ? `insats:${rad.insatsId}`
    : rad.typ === 'grupp'
      ? `grupp:${rad.grupp}`
      : 'forbund';

/**
 * The report with its overview, and with `tidigare` (the same request over the comparison
 * period) its `jamforelse`: each overview row gets the same row's earlier figures. Both
 * reports must already be suppressed alike when published.
 */
export const medOversikt = (
  report: StatistikReport,
  tidigare?: { typ: Jamfor; report: StatistikReport },
): StatistikReport => {
  const oversikt = oversiktFor(report);
  if (!tidigare) return { ...report, oversikt };
  const earlier = oversiktFor(tidigare.report);
  const byKey = new Map(earlier.map((rad) => [rowKey(rad), rad] as const));
  const jamforelse: Jamforelse = {
    typ: tidigare.typ,
    period: tidigare.report.period,
    oversikt: earlier,
    totalt: tidigare.report.totalt,
  };
  return {
    ...report,
    oversikt: oversikt.map((rad) => {
      const then = byKey.get(rowKey(rad));
      return then ? { ...rad, jamforelse: copyFigures(then) } : rad;
    }),
    jamforelse,
  };
};
