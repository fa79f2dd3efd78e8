import { diffReports } from './forandringar.js';
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
