import type { Scope as SkyddScope } from '../skydd-scope.js';
import type { StatistikTables } from '../report.js';
import type { TabellVisning } from './visning/tabell.js';

export * from './visning/tabell.js';

/**
 * One statistics table (STYLE.md "Lessons"): what it shows, how its cells are read off a
 * scope's tables, and what suppression protects in it. Every consumer walks the registry
 * (`TABELLER`), so a new table is one more spec, not one more branch in each of them.
 */
export interface TableSpec extends TabellVisning {
  /**
   * Registers the table's counts with suppression (`skyddaReport`): each under a path that is
   * the same in every scope (an insats's cell and the others' sum to the grupp's and the
   * förbund's), with the sums they are part of inside the scope and the shares that would
   * give them back. Runs in the registry's order, so a table may sum to cells of one before it.
   * A table with no counts (only means and medians) has none.
   */
  skydda?: (scope: SkyddScope, tables: StatistikTables) => void;
}
