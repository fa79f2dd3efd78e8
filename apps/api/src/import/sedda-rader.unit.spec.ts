import { importeratDeltagandeId } from './importerat-id.js';
import { SeddaRader } from './sedda-rader.js';

describe('SeddaRader: the first row of each deltagande id in a file', () => {
  it('answers the first row for an id seen before, and keeps that first row', () => {
    const sedda = new SeddaRader();
    expect(sedda.forstaEllerLagg('00000000-0000-5000-8000-000000000001', 2)).toBeUndefined();
    expect(sedda.forstaEllerLagg('00000000-0000-5000-8000-000000000002', 3)).toBeUndefined();
    expect(sedda.forstaEllerLagg('00000000-0000-5000-8000-000000000001', 7)).toBe(2);
    expect(sedda.forstaEllerLagg('00000000-0000-5000-8000-000000000001', 9)).toBe(2);
    expect(sedda.size).toBe(2);
  });

  it('tells apart ids that differ in any one of their 128 bits, upper or lower case alike', () => {
    const sedda = new SeddaRader();
    const bas = 'a0a0a0a0-a0a0-50a0-80a0-a0a0a0a0a0a0';
    sedda.forstaEllerLagg(bas, 2);
    // One hex digit changed at each position (the dashes aside): 32 other ids.
    const andra = [...bas].flatMap((tecken, i) =>
      tecken === '-' ? [] : [`${bas.slice(0, i)}b${bas.slice(i + 1)}`],
    );
    expect(andra).toHaveLength(32);
    for (const [i, id] of andra.entries()) expect(sedda.forstaEllerLagg(id, 3 + i)).toBeUndefined();
    expect(sedda.forstaEllerLagg(bas.toUpperCase(), 99)).toBe(2);
    expect(sedda.size).toBe(33);
  });

  it('keeps every row through its growth: 100,000 ids, each found again on its own row', () => {
    const sedda = new SeddaRader();
    const id = (i: number): string => importeratDeltagandeId('insats-1', `R-${i}`);
    for (let i = 0; i < 100_000; i++) expect(sedda.forstaEllerLagg(id(i), i + 2)).toBeUndefined();
    let fel = 0;
    for (let i = 0; i < 100_000; i++) if (sedda.forstaEllerLagg(id(i), 1) !== i + 2) fel++;
    expect(fel).toBe(0);
    expect(sedda.size).toBe(100_000);
  });

  it('refuses what is no UUID, and a row below 1', () => {
    const sedda = new SeddaRader();
    expect(() => sedda.forstaEllerLagg('R-1', 2)).toThrow(RangeError);
    expect(() => sedda.forstaEllerLagg('00000000-0000-5000-8000-000000000001', 0)).toThrow(
      RangeError,
    );
  });
});
