import type { MalRow, OversiktRow, StatistikReport } from './report.js';
import { kon, StatistikScenario } from './testing/statistik-scenario.js';

/*
 * The comparison of a report with the period before it, worked out by hand. The report runs
 * 2024-01-01 – 2025-01-01, 367 days and not whole months, so `jamfor=foregaende` compares with
 * the 367 days before: 2022-12-30 – 2023-12-31, a period over two calendar years, where every
 * part the overview shows (goals over their own windows, årsmål, ekonomi, volym) takes the
 * report's multi-year path. (A calendar year is compared with the calendar year before.)
 *
 *  Steget   grupp G, ordning 1   d1 kvinna inskr 2022-03-01, avslut 2023-06-30 arbete;
 *                                d2 man inskr 2023-02-01, still on.
 *                                Årsmål 2023: 2 deltagare, 1 ny, 50 % arbete eller studier.
 *  Bron     grupp G, ordning 2   d3 kvinna inskr 2022-12-31 (the earlier period's first day);
 *                                d4 man inskr 2024-03-01. Ekonomi 2023: kostnad 30 000.
 *  Volymen  volym, ordning 3     2023-05-01: 3 kvinnor, 2 män; 2024-05-01: 1 kvinna, 1 man.
 *  Grupp G's goal: 4 nya from 2022-01-01 to 2022-12-31.
 *
 * 2022-12-30 – 2023-12-31: Steget aktuella d1 d2, nya d2, avslutade d1 (arbete); Bron aktuella
 * and nya d3. Steget's årsmål 2023 over the calendar year: aktuella d1 d2, nya d2, avslutade
 * d1 (arbete: 100 %). G's goal over 2022: nya d1 d3. Förbund's maluppfyllelse: 2022 aktuella
 * d1 d3, nya d1 d3, nobody avslutad; 2023 aktuella d1 d2 d3, nya d2, avslutade d1 (arbete).
 */
describe('the comparison with the period before, worked out by hand', () => {
  let s: StatistikScenario;
  const id: Record<string, string> = {};
  const ar2024 = { fran: '2024-01-01', till: '2024-12-31' };
  const period = { fran: '2024-01-01', till: '2025-01-01' };
  const fore = { fran: '2022-12-30', till: '2023-12-31' };
  let report: StatistikReport;
  let tidigare: StatistikReport;

  const rad = (rows: readonly OversiktRow[], namn: string): OversiktRow =>
    rows.find((row) => row.namn === namn)!;
  const mal = (rows: readonly MalRow[]) =>
    rows.map((row) => [row.matt, row.fran, row.till, row.varde, row.utfall, row.andelAvMal]);

  beforeAll(async () => {
    s = await StatistikScenario.start();
    id.steget = await s.insats('Steget', 'individ', { grupp: 'G', ordning: 1 });
    id.bron = await s.insats('Bron', 'individ', { grupp: 'G', ordning: 2 });
    id.volymen = await s.insats('Volymen', 'volym', { grupp: null, ordning: 3 });

    const d1 = await s.remiss(id.steget, '2022-03-01', 'af', {}, ['a-kassa']);
    await s.avsluta(d1, '2023-06-30', 'arbete', ['lon']);
    await s.remiss(id.steget, '2023-02-01', 'af', { kon: 'man' }, ['a-kassa']);
    await s.remiss(id.bron, '2022-12-31', 'af', {}, ['a-kassa']);
    await s.remiss(id.bron, '2024-03-01', 'af', { kon: 'man' }, ['a-kassa']);
    await s.volym(id.volymen, '2023-05-01', 3, 2);
    await s.volym(id.volymen, '2024-05-01', 1, 1);
    await s.arsmal(id.steget, 2023, 2, 1, 0.5);
    await s.ekonomi(id.bron, 2023, { kostnad: 30_000 });
    await s.forbundsmal('G', { matt: 'nya', fran: '2022-01-01', till: '2022-12-31', varde: 4 });

    report = await s.report(period, { jamfor: 'foregaende' });
    tidigare = await s.report(fore);
  });

  afterAll(() => s.close());

  it('is the overview and the totals of the earlier period’s own report', () => {
    expect(report.jamforelse).toEqual({
      typ: 'foregaende',
      period: fore,
      oversikt: tidigare.oversikt,
      totalt: tidigare.totalt,
    });
  });

  it('puts each row’s earlier aktuella, nya, avslutade and arbete eller studier beside it', () => {
    expect(report.oversikt.map((row) => [row.namn, row.aktuella, row.jamforelse])).toEqual([
      [
        'Steget',
        kon(0, 1),
        {
          aktuella: kon(1, 1),
          nya: kon(0, 1),
          avslutade: kon(1),
          arbeteEllerStudier: {
            antal: kon(1),
            andel: { kvinna: 1, man: null, ejAngivet: null, totalt: 1 },
          },
        },
      ],
      [
        'Bron',
        kon(1, 1),
        {
          aktuella: kon(1),
          nya: kon(1),
          avslutade: kon(0),
          arbeteEllerStudier: {
            antal: kon(0),
            andel: { kvinna: null, man: null, ejAngivet: null, totalt: null },
          },
        },
      ],
      [
        'G',
        kon(1, 2),
        {
          aktuella: kon(2, 1),
          nya: kon(1, 1),
          avslutade: kon(1),
          arbeteEllerStudier: {
            antal: kon(1),
            andel: { kvinna: 1, man: null, ejAngivet: null, totalt: 1 },
          },
        },
      ],
      [
        'Volymen',
        kon(0),
        {
          aktuella: kon(0),
          nya: kon(0),
          avslutade: kon(0),
          arbeteEllerStudier: {
            antal: kon(0),
            andel: { kvinna: null, man: null, ejAngivet: null, totalt: null },
          },
        },
      ],
      [
        'Samordningsförbundet Test',
        kon(1, 2),
        {
          aktuella: kon(2, 1),
          nya: kon(1, 1),
          avslutade: kon(1),
          arbeteEllerStudier: {
            antal: kon(1),
            andel: { kvinna: 1, man: null, ejAngivet: null, totalt: 1 },
          },
        },
      ],
    ]);
  });

  it('shows the earlier period’s goals over their own windows, årsmål, ekonomi and volym', () => {
    const oversikt = report.jamforelse!.oversikt;
    // Steget's årsmål 2023 against the calendar year 2023 (not the period from 2022-12-30).
    expect(mal(rad(oversikt, 'Steget').mal)).toEqual([
      ['deltagare', '2023-01-01', '2023-12-31', 2, 2, 1],
      ['nya', '2023-01-01', '2023-12-31', 1, 1, 1],
      ['andel-arbete-studier', '2023-01-01', '2023-12-31', 0.5, 1, 2],
    ]);
    // G's goal for 2022 counts the nya of 2022: d1 and d3.
    expect(mal(rad(oversikt, 'G').mal)).toEqual([['nya', '2022-01-01', '2022-12-31', 4, 2, 0.5]]);
    // The period's own counts: Bron 1 aktuell and 1 ny; G and the förbund 3 aktuella, 2 nya.
    expect(rad(oversikt, 'Bron').ekonomi).toEqual({
      budget: null,
      kostnad: 30_000,
      kostnadPerDeltagare: 30_000,
      kostnadPerNyDeltagare: 30_000,
    });
    expect(rad(oversikt, 'G').ekonomi).toEqual({
      budget: null,
      kostnad: 30_000,
      kostnadPerDeltagare: 10_000,
      kostnadPerNyDeltagare: 15_000,
    });
    expect(rad(oversikt, 'Volymen').volym).toEqual(kon(3, 2));
    expect(rad(report.oversikt, 'Volymen').volym).toEqual(kon(1, 1));
  });

  it('gives the earlier totals over both calendar years the period touches', () => {
    const totalt = report.jamforelse!.totalt;
    expect(totalt.maluppfyllelse).toEqual([
      { ar: 2022, mal: null, utfall: { aktuella: 2, nya: 2, andelArbeteStudier: null } },
      { ar: 2023, mal: null, utfall: { aktuella: 3, nya: 1, andelArbeteStudier: 1 } },
    ]);
    // Ekonomi 2023 over the calendar year 2023: aktuella d1 d2 d3, nya d2.
    expect(totalt.ekonomi).toEqual([
      {
        ar: 2023,
        budget: null,
        kostnad: 30_000,
        aktuella: 3,
        nya: 1,
        kostnadPerDeltagare: 10_000,
        kostnadPerNyDeltagare: 30_000,
      },
    ]);
    expect(totalt.unikaPersoner).toEqual(kon(2, 1));
  });

  it('with skydda is the earlier period’s own suppressed overview and totals', async () => {
    const skyddad = await s.report(period, { jamfor: 'foregaende', skydda: true });
    const tidigareSkyddad = await s.report(fore, { skydda: true });
    expect(skyddad.jamforelse).toEqual({
      typ: 'foregaende',
      period: fore,
      oversikt: tidigareSkyddad.oversikt,
      totalt: tidigareSkyddad.totalt,
    });
    expect(rad(skyddad.oversikt, 'Steget').jamforelse!.aktuella).toEqual({
      kvinna: '<5',
      man: '<5',
      ejAngivet: 0,
      totalt: '<5',
    });
  });

  it('foregaende of the calendar year 2024 (366 days) is the calendar year 2023', async () => {
    const foregaende = await s.report(ar2024, { jamfor: 'foregaende' });
    const ar2023 = await s.report({ fran: '2023-01-01', till: '2023-12-31' });
    expect(foregaende.jamforelse).toEqual({
      typ: 'foregaende',
      period: { fran: '2023-01-01', till: '2023-12-31' },
      oversikt: ar2023.oversikt,
      totalt: ar2023.totalt,
    });
  });

  it('fjol compares with the same dates a year earlier, one calendar year', async () => {
    const fjol = await s.report(ar2024, { jamfor: 'fjol' });
    const ar2023 = await s.report({ fran: '2023-01-01', till: '2023-12-31' });
    expect(fjol.jamforelse).toEqual({
      typ: 'fjol',
      period: { fran: '2023-01-01', till: '2023-12-31' },
      oversikt: ar2023.oversikt,
      totalt: ar2023.totalt,
    });
    // 2023 alone: Bron's d3 (inskriven 2022-12-31) is aktuell but not ny.
    expect(rad(fjol.oversikt, 'Bron').jamforelse!.nya).toEqual(kon(0));
    expect(rad(fjol.oversikt, 'Bron').jamforelse!.aktuella).toEqual(kon(1));
  });
});
