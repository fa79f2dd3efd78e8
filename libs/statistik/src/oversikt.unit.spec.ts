import { jamforelsePeriod, medOversikt, oversiktFor } from './oversikt.js';
import type { ByKon, MalRow, StatistikReport, StatistikTables } from './report.js';
import { skyddaReport } from './skydda.js';
import { kon, tabeller } from './testing/report-builders.js';

const deltagare = (aktuella: ByKon<number>, nya: ByKon<number>, avslutade: ByKon<number>) => ({
  aktuella,
  nya,
  overforda: kon(
    aktuella.kvinna - nya.kvinna,
    aktuella.man - nya.man,
    aktuella.ejAngivet - nya.ejAngivet,
  ),
  avslutade,
  pagaende: kon(
    aktuella.kvinna - avslutade.kvinna,
    aktuella.man - avslutade.man,
    aktuella.ejAngivet - avslutade.ejAngivet,
  ),
});

const arbete = (antal: ByKon<number>, avslutade: ByKon<number>) => ({
  antal,
  andel: {
    kvinna: avslutade.kvinna === 0 ? null : antal.kvinna / avslutade.kvinna,
    man: avslutade.man === 0 ? null : antal.man / avslutade.man,
    ejAngivet: avslutade.ejAngivet === 0 ? null : antal.ejAngivet / avslutade.ejAngivet,
    totalt: avslutade.totalt === 0 ? null : antal.totalt / avslutade.totalt,
  },
});

const mal: MalRow = {
  malId: 'm1',
  matt: 'nya',
  fran: '2025-01-01',
  till: '2025-12-31',
  varde: 20,
  utfall: 10,
  andelAvMal: 0.5,
};

/** Steget (grupp Arbete, 12 aktuella), Språng (grupp Arbete, 8), Volymen (no grupp, volym 40). */
const steget = (): StatistikTables =>
  tabeller({
    deltagare: deltagare(kon(7, 5), kon(6, 4), kon(3, 2)),
    utfall: {
      perAvslutsorsak: [],
      perGrupp: [],
      arbeteEllerStudier: arbete(kon(2, 1), kon(3, 2)),
    },
    mal: [mal],
    ekonomi: [
      {
        ar: 2025,
        budget: 100_000,
        kostnad: 90_000,
        aktuella: 12,
        nya: 10,
        kostnadPerDeltagare: 7500,
        kostnadPerNyDeltagare: 9000,
      },
    ],
  });
const sprang = (): StatistikTables =>
  tabeller({
    deltagare: deltagare(kon(5, 3), kon(5, 3), kon(0, 1)),
    utfall: { perAvslutsorsak: [], perGrupp: [], arbeteEllerStudier: arbete(kon(0, 1), kon(0, 1)) },
  });
const volymen = (): StatistikTables => tabeller({ volym: kon(25, 15) });

const report = (): Omit<StatistikReport, 'oversikt'> => {
  const s = steget();
  const p = sprang();
  const grupp = tabeller({
    deltagare: deltagare(kon(12, 8), kon(11, 7), kon(3, 3)),
    utfall: {
      perAvslutsorsak: [],
      perGrupp: [],
      arbeteEllerStudier: arbete(kon(2, 2), kon(3, 3)),
    },
    ekonomi: structuredClone(s.ekonomi),
  });
  return {
    period: { fran: '2025-01-01', till: '2025-12-31' },
    asOf: '2026-01-15T08:00:00.000Z',
    forbund: { id: 'f1', namn: 'Samordningsförbundet Test' },
    insatser: [
      { insatsId: 'i1', namn: 'Steget', grupp: 'Arbete', ordning: 1, ...s },
      { insatsId: 'i2', namn: 'Språng', grupp: 'Arbete', ordning: 2, ...p },
      { insatsId: 'i3', namn: 'Volymen', grupp: null, ordning: 3, ...volymen() },
    ],
    grupper: [{ grupp: 'Arbete', insatsIds: ['i1', 'i2'], ...grupp, unikaPersoner: kon(11, 8) }],
    totalt: { ...grupp, volym: kon(25, 15), unikaPersoner: kon(11, 8) },
  };
};

describe('oversiktFor', () => {
  it('gives one row per insats in order, the grupp subtotal after its last insats, the förbund last', () => {
    const rows = oversiktFor(report());

    expect(rows.map((row) => [row.typ, row.namn, row.insatsId, row.grupp])).toEqual([
      ['insats', 'Steget', 'i1', 'Arbete'],
      ['insats', 'Språng', 'i2', 'Arbete'],
      ['grupp', 'Arbete', undefined, 'Arbete'],
      ['insats', 'Volymen', 'i3', undefined],
      ['forbund', 'Samordningsförbundet Test', undefined, undefined],
    ]);
  });

  it('copies aktuella, nya, avslutade and arbete eller studier by kön from the tables', () => {
    const [stegetRow] = oversiktFor(report());

    expect(stegetRow).toMatchObject({
      aktuella: { kvinna: 7, man: 5, ejAngivet: 0, totalt: 12 },
      nya: { kvinna: 6, man: 4, ejAngivet: 0, totalt: 10 },
      avslutade: { kvinna: 3, man: 2, ejAngivet: 0, totalt: 5 },
      arbeteEllerStudier: {
        antal: { kvinna: 2, man: 1, ejAngivet: 0, totalt: 3 },
        andel: { kvinna: 2 / 3, man: 0.5, ejAngivet: null, totalt: 0.6 },
      },
      mal: [mal],
    });
  });

  it('shows volym only on rows with volym registered', () => {
    const rows = oversiktFor(report());

    expect(rows.map((row) => row.volym?.totalt)).toEqual([undefined, undefined, undefined, 40, 40]);
  });

  it('sums ekonomi over the years and divides kostnad by the period’s aktuella and nya', () => {
    const base = report();
    base.insatser[0]!.ekonomi.push({
      ar: 2026,
      budget: null,
      kostnad: 30_000,
      aktuella: 4,
      nya: 1,
      kostnadPerDeltagare: 7500,
      kostnadPerNyDeltagare: 30_000,
    });
    base.insatser[1]!.ekonomi = [
      {
        ar: 2025,
        budget: 50_000,
        kostnad: null,
        aktuella: 8,
        nya: 8,
        kostnadPerDeltagare: null,
        kostnadPerNyDeltagare: null,
      },
    ];
    const rows = oversiktFor(base);

    // Steget: kostnad 90,000 + 30,000 = 120,000 over 12 aktuella and 10 nya.
    expect(rows[0]!.ekonomi).toEqual({
      budget: 100_000,
      kostnad: 120_000,
      kostnadPerDeltagare: 10_000,
      kostnadPerNyDeltagare: 12_000,
    });
    // Språng: a budget without kostnad gives no kostnad per person.
    expect(rows[1]!.ekonomi).toEqual({
      budget: 50_000,
      kostnad: null,
      kostnadPerDeltagare: null,
      kostnadPerNyDeltagare: null,
    });
    // Volymen has no ekonomi at all; the förbund's 90,000 over 20 aktuella, 18 nya = 5,000.
    expect(rows[3]!.ekonomi).toBeUndefined();
    expect(rows[4]!.ekonomi).toEqual({
      budget: 100_000,
      kostnad: 90_000,
      kostnadPerDeltagare: 4500,
      kostnadPerNyDeltagare: 5000,
    });
  });

  it('with skydda hides in the overview exactly the cells the tables hide', () => {
    const base = report();
    const skyddad = skyddaReport({ ...base, oversikt: oversiktFor(base) });
    const [stegetRow, sprangRow] = skyddad.oversikt;

    expect(sprangRow!.aktuella).toEqual(skyddad.insatser[1]!.deltagare.aktuella);
    expect(sprangRow!.avslutade).toEqual({ kvinna: 0, man: '<5', ejAngivet: 0, totalt: '<5' });
    expect(sprangRow!.arbeteEllerStudier.andel.man).toBeNull();
    expect(stegetRow!.nya).toEqual(skyddad.insatser[0]!.deltagare.nya);
    expect(stegetRow!.nya.man).toBe('<5');
  });
});

describe('medOversikt', () => {
  it('puts each row’s earlier figures beside it and the earlier overview and totals in jamforelse', () => {
    const now = report();
    const before = report();
    before.period = { fran: '2024-01-01', till: '2024-12-31' };
    before.insatser[0]!.deltagare = deltagare(kon(4, 4), kon(4, 4), kon(1, 0));
    const withEarlier = medOversikt(
      { ...now, oversikt: oversiktFor(now) },
      { typ: 'fjol', report: { ...before, oversikt: oversiktFor(before) } },
    );

    expect(withEarlier.jamforelse?.typ).toBe('fjol');
    expect(withEarlier.jamforelse?.period).toEqual({ fran: '2024-01-01', till: '2024-12-31' });
    expect(withEarlier.jamforelse?.oversikt).toHaveLength(5);
    expect(withEarlier.jamforelse?.totalt).toBe(before.totalt);
    expect(withEarlier.oversikt[0]!.aktuella.totalt).toBe(12);
    expect(withEarlier.oversikt[0]!.jamforelse).toEqual({
      aktuella: kon(4, 4),
      nya: kon(4, 4),
      avslutade: kon(1, 0),
      arbeteEllerStudier: arbete(kon(2, 1), kon(3, 2)),
    });
    expect(withEarlier.oversikt[4]!.jamforelse?.aktuella).toEqual(kon(12, 8));
  });
});

describe('jamforelsePeriod', () => {
  it('foregaende: a calendar year is preceded by the calendar year before, leap year or not', () => {
    expect(jamforelsePeriod('foregaende', { fran: '2026-01-01', till: '2026-12-31' })).toEqual({
      fran: '2025-01-01',
      till: '2025-12-31',
    });
    // 2024 has 366 days and 2023 365: still the year before, not 2022-12-31 – 2023-12-31.
    expect(jamforelsePeriod('foregaende', { fran: '2024-01-01', till: '2024-12-31' })).toEqual({
      fran: '2023-01-01',
      till: '2023-12-31',
    });
    expect(jamforelsePeriod('foregaende', { fran: '2021-01-01', till: '2021-12-31' })).toEqual({
      fran: '2020-01-01',
      till: '2020-12-31',
    });
  });

  it('foregaende: whole months are preceded by as many whole months (half-years, quarters, two years)', () => {
    // H1 2020 (182 days) by H2 2019 (184 days), H2 2020 by H1 2020.
    expect(jamforelsePeriod('foregaende', { fran: '2020-01-01', till: '2020-06-30' })).toEqual({
      fran: '2019-07-01',
      till: '2019-12-31',
    });
    expect(jamforelsePeriod('foregaende', { fran: '2020-07-01', till: '2020-12-31' })).toEqual({
      fran: '2020-01-01',
      till: '2020-06-30',
    });
    // Q2 2024 by Q1 2024, which holds 29 February; March 2025 by February 2025.
    expect(jamforelsePeriod('foregaende', { fran: '2024-04-01', till: '2024-06-30' })).toEqual({
      fran: '2024-01-01',
      till: '2024-03-31',
    });
    expect(jamforelsePeriod('foregaende', { fran: '2025-03-01', till: '2025-03-31' })).toEqual({
      fran: '2025-02-01',
      till: '2025-02-28',
    });
    expect(jamforelsePeriod('foregaende', { fran: '2023-07-01', till: '2025-06-30' })).toEqual({
      fran: '2021-07-01',
      till: '2023-06-30',
    });
  });

  it('foregaende: any other period is preceded by as many days, ending the day before fran', () => {
    // 2024-01-02 – 2024-12-31 is 365 days: 2023-01-02 – 2024-01-01.
    expect(jamforelsePeriod('foregaende', { fran: '2024-01-02', till: '2024-12-31' })).toEqual({
      fran: '2023-01-02',
      till: '2024-01-01',
    });
    // Ends on a month's last day but starts mid-month: by days (16 days before 2020-03-16).
    expect(jamforelsePeriod('foregaende', { fran: '2020-03-16', till: '2020-03-31' })).toEqual({
      fran: '2020-02-29',
      till: '2020-03-15',
    });
  });

  it('foregaende: a single day is preceded by the day before, across February’s leap day', () => {
    expect(jamforelsePeriod('foregaende', { fran: '2024-03-01', till: '2024-03-01' })).toEqual({
      fran: '2024-02-29',
      till: '2024-02-29',
    });
  });

  it('fjol: the same dates a year earlier, 29 February becoming 28 February', () => {
    expect(jamforelsePeriod('fjol', { fran: '2020-01-01', till: '2020-06-30' })).toEqual({
      fran: '2019-01-01',
      till: '2019-06-30',
    });
    expect(jamforelsePeriod('fjol', { fran: '2024-02-29', till: '2025-02-28' })).toEqual({
      fran: '2023-02-28',
      till: '2024-02-28',
    });
    expect(jamforelsePeriod('fjol', { fran: '2023-03-01', till: '2024-02-29' })).toEqual({
      fran: '2022-03-01',
      till: '2023-02-28',
    });
  });
});
