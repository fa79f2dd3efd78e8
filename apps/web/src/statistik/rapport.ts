/**
 * `GET /statistik` (API.md "The statistics report"): the report's types from the API's contract
 * (the generated OpenAPI types), so the web and the API cannot drift apart unnoticed.
 */
import type {
  Antal as ReportAntal,
  ByKon,
  ByKonAndel,
  GruppTables,
  InsatsTables,
  StatistikReport,
  TotaltTables,
} from '../api/typer';

/** A count; with skydda a small count is suppressed to a string. */
export type Antal = ReportAntal;
export type PerKon = ByKon;
export type AndelPerKon = ByKonAndel;
/** The tables of a tab: an insats's, a grupp's subtotal or the förbund's total. */
export type Tabeller = InsatsTables | GruppTables | TotaltTables;
export type Rapport = StatistikReport;

export const KON_NYCKLAR = ['kvinna', 'man', 'ejAngivet', 'totalt'] as const;
export type KonNyckel = (typeof KON_NYCKLAR)[number];

export const KON_RUBRIK: Record<KonNyckel, string> = {
  kvinna: 'Kvinnor',
  man: 'Män',
  ejAngivet: 'Ej angivet',
  totalt: 'Totalt',
};

/** The drill-down's `kon` parameter for a column; totalt filters nothing. */
export const KON_PARAMETER: Record<KonNyckel, string | undefined> = {
  kvinna: 'kvinna',
  man: 'man',
  ejAngivet: 'ej-angivet',
  totalt: undefined,
};

/** A count for a chart: a suppressed "<5" is drawn as 0 rather than guessed. */
export const tal = (antal: Antal): number => (typeof antal === 'number' ? antal : 0);

const PROCENT = new Intl.NumberFormat('sv-SE', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const DAGAR = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

export const procent = (andel: number | null | undefined): string =>
  andel === null || andel === undefined ? '–' : PROCENT.format(andel);

export const dagar = (n: number | null): string => (n === null ? '–' : DAGAR.format(n));

const KRONOR = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

export const kronor = (n: number | null): string => (n === null ? '–' : `${KRONOR.format(n)} kr`);

/** One tab of the report: an insats or a grupp's subtotal, with the insatser it covers. */
export interface Flik {
  typ: 'insats' | 'grupp';
  id: string;
  namn: string;
  insatsIds: string[];
}

export const gruppFlikId = (grupp: string): string => `grupp:${grupp}`;

/** The report's insatser in its order, each grupp's subtotal right after its last insats. */
export const flikar = (rapport: Pick<Rapport, 'insatser' | 'grupper'>): Flik[] => {
  const sista = new Map(rapport.grupper.map((g) => [g.insatsIds[g.insatsIds.length - 1], g]));
  return rapport.insatser.flatMap((insats): Flik[] => {
    const egen: Flik = {
      typ: 'insats',
      id: insats.insatsId,
      namn: insats.namn,
      insatsIds: [insats.insatsId],
    };
    const grupp = sista.get(insats.insatsId);
    if (!grupp) return [egen];
    return [
      egen,
      {
        typ: 'grupp',
        id: gruppFlikId(grupp.grupp),
        namn: `Delsumma ${grupp.grupp}`,
        insatsIds: grupp.insatsIds,
      },
    ];
  });
};
