import { kommunNamn } from '#domain';
import type { Andel, Antal, ByKon, StatistikTables } from '../report.js';
import type { Scope as SkyddScope } from '../skydd-scope.js';
import type { TableId } from './katalog.js';

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
 * One statistics table (STYLE.md "Lessons"): what it shows, how its cells are read off a
 * scope's tables, and what suppression protects in it. Every consumer walks the registry
 * (`TABELLER`), so a new table is one more spec, not one more branch in each of them.
 */
export interface TableSpec {
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
  /**
   * Registers the table's counts with suppression (`skyddaReport`): each under a path that is
   * the same in every scope (an insats's cell and the others' sum to the grupp's and the
   * förbund's), with the sums they are part of inside the scope and the shares that would
   * give them back. Runs in the registry's order, so a table may sum to cells of one before it.
   * A table with no counts (only means and medians) has none.
   */
  skydda?: (scope: SkyddScope, tables: StatistikTables) => void;
}
