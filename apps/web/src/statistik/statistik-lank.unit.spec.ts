import { statistikLank, statistikvalAv } from './statistik-lank';

const PERIOD = { fran: '2025-01-01', till: '2025-12-31' };
const lank = (cell: Parameters<typeof statistikLank>[1]) =>
  new URL(statistikLank(PERIOD, cell), 'http://x').searchParams;

describe('statistikLank: from a moved cell to the statistics behind it', () => {
  it('opens the insats tab and lists the count of a kön when the drill-down has that count', () => {
    const params = lank({ tabell: 'deltagare', rad: 'aktuella', kolumn: 'kvinna', insatsId: 'i1' });
    expect(Object.fromEntries(params)).toEqual({
      fran: '2025-01-01',
      till: '2025-12-31',
      flik: 'i1',
      underlag: 'aktuella',
      kon: 'kvinna',
    });
  });

  it('lists the whole count for the totalt column, on a grupp tab or the total', () => {
    expect(
      Object.fromEntries(
        lank({ tabell: 'remisser', rad: 'vantande', kolumn: 'totalt', grupp: 'G' }),
      ),
    ).toEqual({ ...PERIOD, flik: 'grupp:G', underlag: 'vantande' });
    expect(
      Object.fromEntries(lank({ tabell: 'deltagare', rad: 'nya', kolumn: 'ejAngivet' })),
    ).toEqual({ ...PERIOD, flik: 'totalt', underlag: 'nya', kon: 'ej-angivet' });
  });

  it('opens only the tab for a cell the drill-down cannot list (a share, a mean, a table by code)', () => {
    for (const cell of [
      { tabell: 'remisser', rad: 'kotidDagar', kolumn: 'medel', insatsId: 'i1' },
      { tabell: 'remisser', rad: 'perRemittent.af.antal', kolumn: 'kvinna', insatsId: 'i1' },
      { tabell: 'utfall', rad: 'arbeteEllerStudier.antal', kolumn: 'totalt', insatsId: 'i1' },
    ]) {
      expect(Object.fromEntries(lank(cell))).toEqual({ ...PERIOD, flik: 'i1' });
    }
  });
});

describe('statistikvalAv: the statistics page from its address', () => {
  it('reads the period as an own interval, the tab and the count with its heading', () => {
    const val = statistikvalAv(
      new URLSearchParams('fran=2025-01-01&till=2025-06-30&flik=i1&underlag=vantande&kon=man'),
    );
    expect(val).toEqual({
      period: { typ: 'eget', ar: 2025, fran: '2025-01-01', till: '2025-06-30', asOf: '' },
      flik: 'i1',
      underlag: { matt: 'vantande', rubrik: 'Väntande vid periodens slut, män', kon: 'man' },
    });
    expect(
      statistikvalAv(new URLSearchParams('fran=2025-01-01&till=2025-12-31&underlag=nya')),
    ).toMatchObject({ underlag: { matt: 'nya', rubrik: 'Nya, totalt' } });
  });

  it('leaves out what it cannot read: a reversed or malformed period, an unknown count or kön', () => {
    expect(statistikvalAv(new URLSearchParams('fran=2025-12-31&till=2025-01-01'))).toEqual({});
    expect(
      statistikvalAv(new URLSearchParams('fran=2025-1-1&till=2025-12-31&underlag=nya')),
    ).toEqual({});
    expect(
      statistikvalAv(new URLSearchParams('fran=2025-01-01&till=2025-12-31&underlag=x&kon=man')),
    ).not.toHaveProperty('underlag');
    expect(
      statistikvalAv(new URLSearchParams('fran=2025-01-01&till=2025-12-31&underlag=nya&kon=x')),
    ).not.toHaveProperty('underlag');
  });
});
