/**
 * The declarative half of each statistics table (STYLE.md "Lessons"): its columns and how its
 * rows are read off a scope's tables. Browser-safe: imports only libs/domain and report *types*
 * (checked by depcruise, rule `tabell-visning-is-browser-safe`), so the web renders its tables
 * from the same definitions as the exports and the PDF. Suppression stays on the server.
 */
import { kommunNamn } from '../../../../domain/src/index.js';
import type { Andel, Antal, ByKon, StatistikTables } from '../../report.js';
import { TABELL_KATALOG, type TableId } from './katalog.js';

/** One cell of an exported table; the kind decides how CSV, XLSX and PDF render it. */
export type ExportCell =
  | { kind: 'text'; text: string }
  | { kind: 'antal'; antal: Antal }
  | { kind: 'andel'; andel: Andel }
  /** Days (means and medians), shown with one decimal. */
  | { kind: 'dagar'; dagar: number | null }
  /** Any other number: a year, months, a goal. */
  | { kind: 'tal'; tal: number | null }
  /** Whole kronor. */
  | { kind: 'kronor'; kronor: number | null }
  /**
   * A change against the comparison period, signed: a count (`+3`) or, with `procent`, the
   * change as a fraction of the earlier count (`+12,5 %`); none where either is unknown.
   */
  | { kind: 'forandring'; forandring: number | null; procent?: boolean };

export const text = (value: string): ExportCell => ({ kind: 'text', text: value });
export const antal = (value: Antal): ExportCell => ({ kind: 'antal', antal: value });
export const andel = (value: Andel): ExportCell => ({ kind: 'andel', andel: value });
export const dagar = (value: number | null): ExportCell => ({ kind: 'dagar', dagar: value });
export const tal = (value: number | null): ExportCell => ({ kind: 'tal', tal: value });
export const kronor = (value: number | null): ExportCell => ({ kind: 'kronor', kronor: value });

export const KON_KOLUMNER = ['Kvinnor', 'Män', 'Ej angivet', 'Totalt'];
export const ANDEL_KOLUMNER = ['Andel kvinnor', 'Andel män', 'Andel ej angivet', 'Andel totalt'];

export const byKon = (counts: ByKon): ExportCell[] =>
  [counts.kvinna, counts.man, counts.ejAngivet, counts.totalt].map(antal);
export const andelByKon = (shares: ByKon<Andel>): ExportCell[] =>
  [shares.kvinna, shares.man, shares.ejAngivet, shares.totalt].map(andel);

export const kommunEtikett = (kod: string): string => {
  const namn = kommunNamn(kod);
  return namn ? `${kod} ${namn}` : kod;
};

/** Where a table's rows come from: an insats, a grupp's subtotal or the whole förbund. */
export interface TableScope {
  namn: string;
  tables: StatistikTables;
  /** Only a grupp's subtotal and the förbund's total count unika personer. */
  unikaPersoner?: ByKon;
}

/** A labelled row of counts by kön. */
export interface KonRad {
  etikett: string;
  antal: ByKon;
  /**
   * What the row's shares (layout `bred`) are of, kön by kön, as the seeds print them: an
   * outcome among avslutade is a share of the avslutade of the same kön ("32 procent av
   * kvinnorna"), its totalt of all avslutade. Without it a row is a population: each kön's
   * count is a share of the row's totalt ("612 (49 procent) kvinnor") and the totalt a share
   * of the förbund's.
   */
  andelAv?: AndelAv;
}

/** The counts a row's shares are of, and what they are in Swedish ("avslutade"). */
export interface AndelAv {
  namn: string;
  antal: ByKon;
}

/**
 * What one statistics table shows: its title, columns and how its cells are read off a scope's
 * tables. The server's `TableSpec` adds what suppression protects in it.
 */
export interface TabellVisning {
  id: TableId;
  /** Swedish title of the CSV block, XLSX sheet and PDF table. */
  title: string;
  /** The XLSX worksheet: at most 31 characters, none of []:*?/\, unique. */
  sheetName: string;
  /** Column headers after the leading "Insats" (layout `lang`). */
  columns: string[];
  /** The rows of one scope, without its leading "Insats" cell (layout `lang`). */
  rows: (scope: TableScope) => ExportCell[][];
  /**
   * The table's counts by kön, one labelled row each (layout `bred`: a block per label with a
   * row per scope). Tables without counts by kön keep their `lang` rows in `bred` too.
   */
  konRader?: (scope: TableScope) => KonRad[];
  /**
   * When every one of `konRader` has shares of another count (its `andelAv`), that count's
   * name: the `bred` share columns then say "Andel av avslutade kvinnor" and so on.
   */
  andelAv?: string;
}

/** A table's view with its title and sheet name from the catalogue. */
export const defineVisning = (
  id: TableId,
  visning: Omit<TabellVisning, 'id' | 'title' | 'sheetName'>,
): TabellVisning => ({ id, ...TABELL_KATALOG[id], ...visning });
