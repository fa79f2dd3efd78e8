import { describe, expect, it } from '@jest/globals';
import { flikar, kronor, type Rapport } from './rapport';

const insats = (insatsId: string, grupp: string | null = null) => ({
  insatsId,
  namn: insatsId.toUpperCase(),
  grupp,
  ordning: null,
});

describe('flikar', () => {
  it('puts a grupp’s subtotal right after the last of its insatser, in the report’s order', () => {
    const rapport = {
      insatser: [insats('a'), insats('b', 'G'), insats('c'), insats('d', 'G'), insats('e', 'H')],
      grupper: [
        { grupp: 'G', insatsIds: ['b', 'd'] },
        { grupp: 'H', insatsIds: ['e'] },
      ],
    } as unknown as Pick<Rapport, 'insatser' | 'grupper'>;

    expect(flikar(rapport).map((f) => [f.namn, f.insatsIds])).toEqual([
      ['A', ['a']],
      ['B', ['b']],
      ['C', ['c']],
      ['D', ['d']],
      ['Delsumma G', ['b', 'd']],
      ['E', ['e']],
      ['Delsumma H', ['e']],
    ]);
  });
});

describe('kronor', () => {
  it('writes whole kronor with Swedish digit grouping, and a dash for none', () => {
    expect(kronor(1_693_787)).toBe('1\u00a0693\u00a0787 kr');
    expect(kronor(null)).toBe('–');
  });
});
