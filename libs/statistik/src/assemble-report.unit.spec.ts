import fc from 'fast-check';
import { medelOchMedian } from './assemble-report.js';

/** The plain form medelOchMedian replaced: sorted entries, sums and positions by reduce. */
const plainMedelOchMedian = (histogram: readonly { dagar: number; antal: number }[]) => {
  const counts = new Map<number, number>();
  for (const { dagar, antal } of histogram) counts.set(dagar, (counts.get(dagar) ?? 0) + antal);
  const values = [...counts.entries()].sort(([a], [b]) => a - b);
  const n = values.reduce((sum, [, antal]) => sum + antal, 0);
  if (n === 0) return { medel: null, median: null };
  const valueAt = (index: number): number => {
    let seen = 0;
    for (const [dagar, antal] of values) {
      seen += antal;
      if (index < seen) return dagar;
    }
    return values[values.length - 1]![0];
  };
  const sum = values.reduce((total, [dagar, antal]) => total + dagar * antal, 0);
  const median = n % 2 === 1 ? valueAt((n - 1) / 2) : (valueAt(n / 2 - 1) + valueAt(n / 2)) / 2;
  return { medel: sum / n, median };
};

describe('medelOchMedian', () => {
  it('gives the middle value of an odd count', () => {
    // 2, 3, 3, 10, 40
    expect(
      medelOchMedian([
        { dagar: 10, antal: 1 },
        { dagar: 3, antal: 2 },
        { dagar: 40, antal: 1 },
        { dagar: 2, antal: 1 },
      ]),
    ).toEqual({ medel: 58 / 5, median: 3 });
  });

  it('gives the mean of the two middle values of an even count, merging repeated days', () => {
    // 0, 0, 2, 10, 10, 12, 26, 30 (two histograms of the same days merged)
    expect(
      medelOchMedian([
        { dagar: 0, antal: 2 },
        { dagar: 10, antal: 1 },
        { dagar: 2, antal: 1 },
        { dagar: 10, antal: 1 },
        { dagar: 12, antal: 1 },
        { dagar: 26, antal: 1 },
        { dagar: 30, antal: 1 },
      ]),
    ).toEqual({ medel: 90 / 8, median: 10 });
  });

  it('gives null, not NaN, for an empty histogram', () => {
    expect(medelOchMedian([])).toEqual({ medel: null, median: null });
  });

  it('gives what the plain sort of the merged histogram gives', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            // Mostly whole days near each other; now and then one far off or a fraction.
            dagar: fc.oneof(
              { arbitrary: fc.integer({ min: -5, max: 4000 }), weight: 20 },
              { arbitrary: fc.constantFrom(250_000, 1.5), weight: 1 },
            ),
            antal: fc.nat(50),
          }),
          { maxLength: 300 },
        ),
        (histogram) => {
          expect(medelOchMedian(histogram)).toEqual(plainMedelOchMedian(histogram));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
