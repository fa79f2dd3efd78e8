import type { Andel, Antal, ByKon } from './report.js';

/** The mark of a count 1–4 (primary suppression). */
export const SKYDDAD = '<5' as const;
/**
 * The mark of a count hidden only so that a "<5" cannot be recomputed from a sum it is part of
 * (secondary suppression), as in official Swedish statistics.
 */
export const DOLD = '..' as const;

/** Whether a count is shown as a mark instead of a number. */
export const isDold = (antal: Antal): antal is typeof SKYDDAD | typeof DOLD =>
  antal === SKYDDAD || antal === DOLD;

const KONER = ['kvinna', 'man', 'ejAngivet'] as const;
const KOLUMNER = [...KONER, 'totalt'] as const;

export interface Cell {
  /** Where the cell is in its scope (the same in every scope), e.g. `deltagare.nya.man`. */
  readonly path: string;
  /** null: the input already showed it as "<5" or "..". */
  readonly value: number | null;
  /** Primary: 1–4 (or already marked "<5"); the mark it gets is "<5". */
  readonly primary: boolean;
  suppressed: boolean;
  /** Writes the cell's mark into the copy being protected. */
  readonly hide: (mark: Antal) => void;
  /** Its place in `Skydd.cells`. */
  readonly index: number;
}

/** Counts that add up: the parts sum to the total (or bound it, see försörjning). */
export interface Sum {
  readonly parts: readonly Cell[];
  readonly total: Cell;
}

/** A share of counts in the report; it would reveal them, so it goes when one of them does. */
interface Share {
  readonly from: readonly Cell[];
  readonly hide: () => void;
}

export type KonCells = Record<keyof ByKon, Cell>;

/**
 * The cells of one insats, grupp or the whole förbund, by a path that is the same in each.
 * Each table's `TableSpec.skydda` registers its counts here, with the sums they are part of
 * and the shares computed from them.
 */
export class Scope {
  readonly cells = new Map<string, Cell>();

  constructor(private readonly skydd: Skydd) {}

  count(path: string, antal: Antal, set: (antal: Antal) => void): Cell {
    const primary = antal === SKYDDAD || (typeof antal === 'number' && antal >= 1 && antal <= 4);
    const cell: Cell = {
      path,
      value: isDold(antal) ? null : antal,
      primary,
      suppressed: primary || antal === DOLD,
      hide: set,
      index: this.skydd.cells.length,
    };
    this.cells.set(path, cell);
    this.skydd.cells.push(cell);
    return cell;
  }

  /** A row of kön cells: kvinna + man + ej angivet = totalt. */
  byKon(path: string, antal: ByKon): KonCells {
    const cells = {} as KonCells;
    for (const kolumn of KOLUMNER) {
      cells[kolumn] = this.count(`${path}.${kolumn}`, antal[kolumn], (value) => {
        antal[kolumn] = value;
      });
    }
    this.sum(
      KONER.map((kon) => cells[kon]),
      cells.totalt,
    );
    return cells;
  }

  /** The kön cells registered under a path, if any. */
  konCells(path: string): KonCells | undefined {
    const cells = KOLUMNER.map((kolumn) => this.cells.get(`${path}.${kolumn}`));
    if (cells.some((cell) => cell === undefined)) return undefined;
    return Object.fromEntries(KOLUMNER.map((kolumn, i) => [kolumn, cells[i]!])) as KonCells;
  }

  /**
   * The kön cells of a path another table registered before this one (the registry's order
   * puts a table after those it sums to).
   */
  registered(path: string): KonCells {
    const cells = this.konCells(path);
    if (!cells) throw new Error(`skydda: ${path} is not registered yet`);
    return cells;
  }

  sum(parts: readonly Cell[], total: Cell): void {
    this.skydd.sum(parts, total);
  }

  share(from: readonly Cell[], hide: () => void): void {
    this.skydd.share(from, hide);
  }

  /** Rows of kön cells summing, column by column, to a total row. */
  columns(rows: readonly KonCells[], total: KonCells): void {
    for (const kolumn of KOLUMNER) {
      this.sum(
        rows.map((row) => row[kolumn]),
        total[kolumn],
      );
    }
  }

  shareByKon(antal: KonCells, of: KonCells, andel: ByKon<Andel>): void {
    for (const kolumn of KOLUMNER) {
      this.share([antal[kolumn], of[kolumn]], () => {
        andel[kolumn] = null;
      });
    }
  }
}

/** Every cell, sum and share of a report being protected. */
export class Skydd {
  readonly cells: Cell[] = [];
  readonly sums: Sum[] = [];
  readonly shares: Share[] = [];

  scope(): Scope {
    return new Scope(this);
  }

  sum(parts: readonly Cell[], total: Cell): void {
    // A list with no rows (perKommun when nothing came in) states no sum.
    if (parts.length > 0) this.sums.push({ parts, total });
  }

  share(from: readonly Cell[], hide: () => void): void {
    this.shares.push({ from, hide });
  }

  /**
   * A sum with exactly one suppressed cell gives it away (total minus the others), so the
   * smallest other non-zero cell of that sum goes too; repeat until no sum has a lone one.
   * Only ever adds suppressions, so it ends.
   *
   * Passes over the sums in their order, each seeing the suppressions of the sums before it in
   * the same pass (which cell goes depends on that order). Each sum's count of suppressed cells
   * is kept up to date as cells go, so a pass checks a number per sum instead of counting its
   * cells again: a report has tens of thousands of sums and several passes.
   */
  suppress(): void {
    const { sums, cells } = this;
    const counts = new Int32Array(sums.length);
    // The sums each cell is part of (once per time it occurs there, as the count counts it):
    // those of cells[c] are sumsOf[start[c] .. start[c + 1]).
    const start = new Int32Array(cells.length + 1);
    for (const { parts, total } of sums) {
      for (const cell of parts) start[cell.index + 1]!++;
      start[total.index + 1]!++;
    }
    for (let c = 0; c < cells.length; c++) start[c + 1]! += start[c]!;
    const sumsOf = new Int32Array(start[cells.length]!);
    const filled = start.slice(0, cells.length);
    for (let i = 0; i < sums.length; i++) {
      const { parts, total } = sums[i]!;
      for (const cell of parts) {
        sumsOf[filled[cell.index]!++] = i;
        if (cell.suppressed) counts[i]!++;
      }
      sumsOf[filled[total.index]!++] = i;
      if (total.suppressed) counts[i]!++;
    }
    let changed = true;
    while (changed) {
      changed = false;
      for (let i = 0; i < sums.length; i++) {
        if (counts[i] !== 1) continue;
        const next = smallestShown(sums[i]!);
        if (next) {
          next.suppressed = true;
          for (let k = start[next.index]!; k < start[next.index + 1]!; k++) counts[sumsOf[k]!]!++;
          changed = true;
        }
      }
    }
    for (const cell of this.cells) if (cell.suppressed) cell.hide(cell.primary ? SKYDDAD : DOLD);
    for (const share of this.shares) if (share.from.some((cell) => cell.suppressed)) share.hide();
  }
}

/** The first smallest shown non-zero cell; parts come before the total, so a part wins a tie. */
const smallestShown = ({ parts, total }: Sum): Cell | undefined => {
  let best: Cell | undefined;
  let bestValue = 0;
  for (let j = 0; j <= parts.length; j++) {
    const cell = j < parts.length ? parts[j]! : total;
    if (cell.suppressed || cell.value === null || cell.value === 0) continue;
    if (best === undefined || cell.value < bestValue) {
      best = cell;
      bestValue = cell.value;
    }
  }
  return best;
};
