import type { Periodval } from './period';
import { gruppFlikId, KON_PARAMETER, KON_RUBRIK, type KonNyckel } from './rapport';

/** The statistics page's tab of the förbund's total (also the tab a link without one opens). */
export const TOTALT_FLIK = 'totalt';

/**
 * The counts the drill-down (`GET /statistik/underlag`) can list the deltaganden of, by the
 * report's table and row, with the row's name on screen.
 */
const UNDERLAG_RADER: Record<string, Record<string, string>> = {
  deltagare: {
    aktuella: 'Aktuella',
    nya: 'Nya',
    overforda: 'Överförda från tidigare period',
    avslutade: 'Avslutade',
    pagaende: 'Pågående vid periodens slut',
  },
  remisser: {
    mottagna: 'Mottagna',
    aterremitterade: 'Återremitterade',
    vantande: 'Väntande vid periodens slut',
  },
};

const UNDERLAG_RUBRIK: Record<string, string> = Object.assign({}, ...Object.values(UNDERLAG_RADER));

const DATUM = /^\d{4}-\d{2}-\d{2}$/;

/** A moved cell as `GET /statistik/forandringar` names it. */
export interface CellPlats {
  tabell: string;
  rad: string;
  kolumn: string;
  insatsId?: string | undefined;
  grupp?: string | undefined;
}

/**
 * The statistics page over a period, on the cell's tab (its insats, grupp or the total), with
 * the deltaganden behind the cell listed when the drill-down has its count: where kansli see
 * who (by codes, no personal data) stands behind a number that moved.
 */
export const statistikLank = (period: { fran: string; till: string }, cell: CellPlats): string => {
  const params = new URLSearchParams({ fran: period.fran, till: period.till });
  params.set(
    'flik',
    cell.insatsId ?? (cell.grupp !== undefined ? gruppFlikId(cell.grupp) : TOTALT_FLIK),
  );
  const kon = cell.kolumn as KonNyckel;
  if (UNDERLAG_RADER[cell.tabell]?.[cell.rad] !== undefined && kon in KON_RUBRIK) {
    params.set('underlag', cell.rad);
    const parameter = KON_PARAMETER[kon];
    if (parameter !== undefined) params.set('kon', parameter);
  }
  return `/statistik?${params.toString()}`;
};

/** What a link to the statistics page asks for: a period, a tab and a count to list. */
export interface Statistikval {
  period?: Periodval;
  flik?: string;
  underlag?: { matt: string; rubrik: string; kon?: string };
}

/** The statistics page's choices from its address (anything unreadable is left out). */
export const statistikvalAv = (params: URLSearchParams): Statistikval => {
  const val: Statistikval = {};
  const fran = params.get('fran');
  const till = params.get('till');
  if (fran && till && DATUM.test(fran) && DATUM.test(till) && fran <= till) {
    val.period = { typ: 'eget', ar: Number(fran.slice(0, 4)), fran, till, asOf: '' };
  }
  const flik = params.get('flik');
  if (flik) val.flik = flik;
  const matt = params.get('underlag');
  const rubrik = matt ? UNDERLAG_RUBRIK[matt] : undefined;
  if (matt && rubrik && val.period) {
    const kon = params.get('kon') ?? undefined;
    const nyckel = (Object.keys(KON_PARAMETER) as KonNyckel[]).find(
      (k) => KON_PARAMETER[k] === kon,
    );
    if (nyckel !== undefined) {
      val.underlag = {
        matt,
        rubrik: `${rubrik}, ${KON_RUBRIK[nyckel].toLowerCase()}`,
        ...(kon ? { kon } : {}),
      };
    }
  }
  return val;
};
