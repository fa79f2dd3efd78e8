import { medelOchMedian } from './assemble-report.js';

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
});
