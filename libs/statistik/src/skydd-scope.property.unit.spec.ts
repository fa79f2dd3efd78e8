import fc from 'fast-check';
import type { Antal } from './report.js';
import { DOLD, Skydd, SKYDDAD, type Cell } from './skydd-scope.js';

/**
 * Skydd.suppress keeps each sum's count of suppressed cells up to date instead of counting
 * again on every pass. This is the plain fixpoint it replaced, pass by pass in the sums' order:
 * on any cells and sums the two must hide the very same cells.
 */
const plainSuppress = (skydd: Skydd): void => {
  const smallestShown = (cells: readonly Cell[]): Cell | undefined => {
    let best: { cell: Cell; value: number } | undefined;
    for (const cell of cells) {
      if (cell.suppressed || cell.value === null || cell.value === 0) continue;
      if (best === undefined || cell.value < best.value) best = { cell, value: cell.value };
    }
    return best?.cell;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const { parts, total } of skydd.sums) {
      const cells = [...parts, total];
      if (cells.filter((cell) => cell.suppressed).length !== 1) continue;
      const next = smallestShown(cells);
      if (next) {
        next.suppressed = true;
        changed = true;
      }
    }
  }
  for (const cell of skydd.cells) if (cell.suppressed) cell.hide(cell.primary ? SKYDDAD : DOLD);
  for (const share of skydd.shares) if (share.from.some((cell) => cell.suppressed)) share.hide();
};

const antalArb: fc.Arbitrary<Antal> = fc.oneof(
  fc.constantFrom<Antal>(0, 1, 2, 3, 4, SKYDDAD, DOLD),
  fc.integer({ min: 5, max: 40 }),
);

/** Cells, sums over them (a cell may occur in many, twice in one) and shares of them. */
const caseArb = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record({
    antal: fc.array(antalArb, { minLength: n, maxLength: n }),
    sums: fc.array(
      fc.record({
        parts: fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 6 }),
        total: fc.nat(n - 1),
      }),
      { maxLength: 60 },
    ),
    shares: fc.array(fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 2 }), { maxLength: 10 }),
  }),
);

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

const suppressed = (input: Case, suppress: (skydd: Skydd) => void) => {
  const shown = [...input.antal];
  const shares = input.shares.map(() => true);
  const skydd = new Skydd();
  const scope = skydd.scope();
  const cells = input.antal.map((antal, i) =>
    scope.count(`c${i}`, antal, (mark) => {
      shown[i] = mark;
    }),
  );
  for (const { parts, total } of input.sums) {
    scope.sum(
      parts.map((i) => cells[i]!),
      cells[total]!,
    );
  }
  input.shares.forEach((from, s) =>
    scope.share(
      from.map((i) => cells[i]!),
      () => {
        shares[s] = false;
      },
    ),
  );
  suppress(skydd);
  return { shown, shares };
};

describe('Skydd.suppress', () => {
  it('hides the same cells and shares as the plain fixpoint over the sums', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        expect(suppressed(input, (skydd) => skydd.suppress())).toEqual(
          suppressed(input, plainSuppress),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
