import { KOMMUNER, isKommunkod, kommunNamn } from './kommuner.js';

describe('KOMMUNER', () => {
  it('holds all 290 kommuner with unique four-digit codes', () => {
    expect(KOMMUNER).toHaveLength(290);
    expect(new Set(KOMMUNER.map((k) => k.kod)).size).toBe(290);
    expect(KOMMUNER.every((k) => /^\d{4}$/.test(k.kod) && k.kod.startsWith(k.lanskod))).toBe(true);
  });

  it('contains Upplands Väsby as 0114 in Stockholms län', () => {
    expect(KOMMUNER[0]).toEqual({
      kod: '0114',
      namn: 'Upplands Väsby',
      lanskod: '01',
      lan: 'Stockholms län',
    });
  });

  it('ends with Kiruna in Norrbottens län', () => {
    expect(KOMMUNER[KOMMUNER.length - 1]).toEqual({
      kod: '2584',
      namn: 'Kiruna',
      lanskod: '25',
      lan: 'Norrbottens län',
    });
  });

  it('spreads over the 21 län as in the CSV', () => {
    const perLan: Record<string, number> = {};
    for (const { lanskod } of KOMMUNER) perLan[lanskod] = (perLan[lanskod] ?? 0) + 1;
    expect(perLan).toEqual({
      '01': 26,
      '03': 8,
      '04': 9,
      '05': 13,
      '06': 13,
      '07': 8,
      '08': 12,
      '09': 1,
      '10': 5,
      '12': 33,
      '13': 6,
      '14': 49,
      '17': 16,
      '18': 12,
      '19': 10,
      '20': 15,
      '21': 10,
      '22': 7,
      '23': 8,
      '24': 15,
      '25': 14,
    });
  });
});

describe('isKommunkod', () => {
  it('accepts a known kommunkod', () => {
    expect(isKommunkod('2584')).toBe(true);
  });

  it('rejects unknown or malformed codes', () => {
    expect(isKommunkod('0000')).toBe(false);
    expect(isKommunkod('114')).toBe(false);
    expect(isKommunkod('Upplands Väsby')).toBe(false);
  });
});

describe('kommunNamn', () => {
  it('names a kommun by its code', () => {
    expect(kommunNamn('0114')).toBe('Upplands Väsby');
    expect(kommunNamn('1480')).toBe('Göteborg');
  });

  it('is undefined for an unknown code', () => {
    expect(kommunNamn('9999')).toBeUndefined();
  });
});
