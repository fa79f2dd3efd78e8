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
   */
  suppress(): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const { parts, total } of this.sums) {
        const cells = [...parts, total];
        if (cells.filter((cell) => cell.suppressed).length !== 1) continue;
        const next = smallestShown(cells);
        if (next) {
          next.suppressed = true;
          changed = true;
        }
      }
    }
    for (const cell of this.cells) if (cell.suppressed) cell.hide(cell.primary ? SKYDDAD : DOLD);
    for (const share of this.shares) if (share.from.some((cell) => cell.suppressed)) share.hide();
  }
}

/** The first smallest shown non-zero cell; parts come before the total, so a part wins a tie. */
const smallestShown = (cells: readonly Cell[]): Cell | undefined => {
  let best: { cell: Cell; value: number } | undefined;
  for (const cell of cells) {
    if (cell.suppressed || cell.value === null || cell.value === 0) continue;
    if (best === undefined || cell.value < best.value) best = { cell, value: cell.value };
  }
  return best?.cell;
};
