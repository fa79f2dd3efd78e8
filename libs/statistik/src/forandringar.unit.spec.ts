import { deltagandeAggregat, diffReports, type Sammanhang } from './forandringar.js';
import { oversiktFor } from './oversikt.js';
import type { StatistikReport } from './report.js';
import { kon, tabeller } from './testing/report-builders.js';

const INSATS = '00000000-0000-4000-8000-000000000001';

const rapport = (over: Parameters<typeof tabeller>[0], asOf: string): StatistikReport =>
  medOversiktFor({
    period: { fran: '2025-01-01', till: '2025-12-31' },
    asOf,
    forbund: { id: 'f', namn: 'Förbundet' },
    insatser: [{ insatsId: INSATS, namn: 'Ung', grupp: null, ordning: null, ...tabeller(over) }],
    grupper: [],
    totalt: { ...tabeller(over), unikaPersoner: kon(0) },
  });

function medOversiktFor(report: Omit<StatistikReport, 'oversikt'>): StatistikReport {
  return { ...report, oversikt: oversiktFor(report) };
}

describe('diffReports', () => {
  it('lists nothing for the same figures as of two moments', () => {
    expect(
      diffReports(rapport({}, '2025-01-01T00:00:00Z'), rapport({}, '2026-01-01T00:00:00Z')),
    ).toEqual([]);
  });

  it('names a moved count by table, row, kön and insats, once per insats and once in the total', () => {
    const fore = rapport({}, '2025-06-01T00:00:00Z');
    const efter = rapport({ volym: kon(3, 1) }, '2025-07-01T00:00:00Z');
    expect(diffReports(fore, efter)).toEqual([
      { tabell: 'volym', rad: 'volym', kolumn: 'kvinna', insatsId: INSATS, fore: 0, efter: 3 },
      { tabell: 'volym', rad: 'volym', kolumn: 'man', insatsId: INSATS, fore: 0, efter: 1 },
      { tabell: 'volym', rad: 'volym', kolumn: 'totalt', insatsId: INSATS, fore: 0, efter: 4 },
      { tabell: 'volym', rad: 'volym', kolumn: 'kvinna', fore: 0, efter: 3 },
      { tabell: 'volym', rad: 'volym', kolumn: 'man', fore: 0, efter: 1 },
      { tabell: 'volym', rad: 'volym', kolumn: 'totalt', fore: 0, efter: 4 },
    ]);
  });

  it('finds a list row by its key, not its place, and counts a row that came as 0 before', () => {
    const remisser = (perKommun: { kommun: string; antal: ReturnType<typeof kon> }[]) => ({
      ...tabeller().remisser,
      perKommun,
    });
    const fore = rapport({ remisser: remisser([{ kommun: '0180', antal: kon(2) }]) }, 'a');
    const efter = rapport(
      {
        remisser: remisser([
          { kommun: '0138', antal: kon(1) },
          { kommun: '0180', antal: kon(2) },
        ]),
      },
      'b',
    );
    expect(diffReports(fore, efter).filter((c) => c.insatsId)).toEqual([
      {
        tabell: 'remisser',
        rad: 'perKommun.0138.antal',
        kolumn: 'kvinna',
        insatsId: INSATS,
        fore: 0,
        efter: 1,
      },
      {
        tabell: 'remisser',
        rad: 'perKommun.0138.antal',
        kolumn: 'totalt',
        insatsId: INSATS,
        fore: 0,
        efter: 1,
      },
    ]);
  });
});

describe('deltagandeAggregat', () => {
  /*
   * Found by forandringar.int.spec.ts's property: a report for 2023 (one calendar year, so no
   * per-year windows) with a grupp's goal over 1 January 2023 alone. A deltagande inskriven
   * 2022-12-31 and still on is aktuell on that day: the report's SQL (malUtfallSql) counts it
   * in the goal's window, though it is neither ny nor avslutad in the period. It was counted
   * only among the deltaganden the period's outcomes read (nya, avslutade), so the window's
   * aktuella came out 3 where the report said 4.
   */
  it('counts a deltagande aktuell in a goal’s window that is neither ny nor avslutad in the period', () => {
    const sammanhang: Sammanhang = {
      fran: '2023-01-01',
      till: '2023-12-31',
      tidigast: '2023-01-01',
      egnaFonster: [],
      ekonomiAr: null,
      gruppAv: new Map([[INSATS, 'Unga']]),
      malFonster: [{ fran: '2023-01-01', till: '2023-01-01', alla: true, insatser: new Set() }],
    };
    const { malUtfall } = deltagandeAggregat(
      {
        deltagandeId: '00000000-0000-4000-8000-0000000000d1',
        insatsId: INSATS,
        personKey: '00000000-0000-4000-8000-0000000000d1',
        kon: 'kvinna',
        fodelsear: 1960,
        kommun: '0180',
        remittent: 'af',
        remittentEnhet: null,
        remissDatum: '2022-12-31',
        aterremissDatum: null,
        inskrivningDatum: '2022-12-31',
        avslutDatum: null,
        avslutsorsak: null,
        forsorjningIn: ['a-kassa'],
        forsorjningUt: null,
      },
      [],
      sammanhang,
    );
    expect(malUtfall).toEqual([
      {
        fran: '2023-01-01',
        till: '2023-01-01',
        insats_id: INSATS,
        avslutsorsak: null,
        aktuella: 1,
        nya: 0,
        avslutade: 0,
      },
    ]);
  });
});
