import { oversiktFor } from './oversikt.js';
import type { Antal, StatistikReport, StatistikTables } from './report.js';
import { DOLD, Skydd, SKYDDAD, type Cell, type Scope } from './skydd-scope.js';
import { TABELLER } from './tables/index.js';

export { DOLD, isDold, SKYDDAD } from './skydd-scope.js';

/** Every table of the registry registers its counts, sums and shares, in the registry's order. */
const registerTables = (scope: Scope, tables: StatistikTables): void => {
  for (const spec of TABELLER) spec.skydda?.(scope, tables);
};

/**
 * Sums by path: each cell of `total` is the sum of the same cell of `parts`. A path some part
 * lacks (a year of ekonomi only some insatser have) states no sum: its parts are not shown.
 */
const sumByPath = (skydd: Skydd, parts: readonly Scope[], total: Scope): void => {
  for (const [path, cell] of total.cells) {
    const cells: Cell[] = [];
    for (const part of parts) {
      const same = part.cells.get(path);
      if (same !== undefined) cells.push(same);
    }
    if (cells.length !== parts.length && path.startsWith('ekonomi.')) continue;
    skydd.sum(cells, cell);
  }
};

/** Registers every table of every scope of a report (a copy: hiding writes into it). */
const register = (copy: StatistikReport): Skydd => {
  const skydd = new Skydd();
  const insatser = copy.insatser.map((insats) => {
    const scope = skydd.scope();
    registerTables(scope, insats);
    return scope;
  });
  const totalt = skydd.scope();
  registerTables(totalt, copy.totalt);
  totalt.byKon('unikaPersoner', copy.totalt.unikaPersoner);

  // The förbund's tables are the sums of the insatser's, and so is each grupp's of its own
  // insatser's (unika personer aside: no insats has them, so they state no such sum).
  sumByPath(skydd, insatser, totalt);
  const index = new Map(copy.insatser.map((insats, i) => [insats.insatsId, i] as const));
  for (const grupp of copy.grupper) {
    const scope = skydd.scope();
    registerTables(scope, grupp);
    scope.byKon('unikaPersoner', grupp.unikaPersoner);
    const parts = grupp.insatsIds.flatMap((id) => {
      const i = index.get(id);
      return i === undefined ? [] : [insatser[i]!];
    });
    sumByPath(skydd, parts, scope);
  }
  return skydd;
};

/**
 * The publication option: counts 1–4 become "<5" (0 stays: it discloses nothing about a
 * person), and further counts are suppressed until no suppressed count can be recomputed from
 * a sum it is part of: a kön row and its totalt, a list and its total row, an insats's cell
 * and the others' against the förbund's or their grupp's. Shares computed from a suppressed
 * count become null, since share × the other count gives it back. Means and medians stay.
 * What each table protects is its `TableSpec.skydda` (tables/). Pure: returns a copy.
 */
export const skyddaReport = (report: StatistikReport): StatistikReport => {
  // The overview is made anew from the suppressed tables: only its place is copied.
  const copy = structuredClone({ ...report, oversikt: [] });
  register(copy).suppress();
  // The overview repeats the tables' cells: read off the suppressed tables, it hides the same.
  return { ...copy, oversikt: oversiktFor(copy) };
};

/** One sum suppression protects, by its cells' paths and what the report shows in them. */
export interface SkyddadSumma {
  parts: { path: string; antal: Antal }[];
  total: { path: string; antal: Antal };
}

/**
 * Every sum the registry states over a report (within each scope, and across insatser, grupp
 * and förbund) with the counts the report shows in its cells: the property test checks a
 * suppressed report against them. Reads only.
 */
export const skyddadeSummor = (report: StatistikReport): SkyddadSumma[] => {
  const shown = (cell: Cell) => ({
    path: cell.path,
    antal: cell.value ?? (cell.primary ? SKYDDAD : DOLD),
  });
  return register(structuredClone(report)).sums.map((sum) => ({
    parts: sum.parts.map(shown),
    total: shown(sum.total),
  }));
};
