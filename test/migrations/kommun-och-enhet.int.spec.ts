import { kon, StatistikScenario } from '../../libs/statistik/src/testing/statistik-scenario.js';
import { KommunOchEnhet1764700000200 } from '../../apps/api/src/database/migrations/1764700000200-kommun-och-enhet.js';

/** A database that had facts before the migration: the enhet comes from each deltagande's state. */
describe('migration KommunOchEnhet1764700000200 on a database with facts', () => {
  let s: StatistikScenario;

  beforeAll(async () => {
    s = await StatistikScenario.start();
  });
  afterAll(() => s.close());

  const enheter = () =>
    s.dataSource.query<{ id: string; enhet: string | null; open: boolean }[]>(
      `SELECT deltagande_id AS id, remittent_enhet AS enhet, recorded_to IS NULL AS open
       FROM deltagande_fakta ORDER BY from_position`,
    );

  it('fills in the enhet each deltagande has now, for every one of its versions', async () => {
    const insats = await s.insats('Balder');
    const d1 = await s.remiss(insats, '2025-02-01', 'af', {}, ['a-kassa'], 'AF Lerum');
    await s.avsluta(d1, '2025-06-30', 'arbete', ['lon']);
    const d2 = await s.remiss(insats, '2025-03-01', 'egen', {}, ['a-kassa']);
    const d3 = await s.remiss(
      insats,
      '2025-04-01',
      'kommun-arbetsmarknad',
      {},
      undefined,
      'Jobbtorg',
    );
    await s.korrigeraRemittentEnhet(d3, 'Jobbtorg Lerum');
    const report = await s.report({ fran: '2025-01-01', till: '2025-12-31' });
    expect(await enheter()).toEqual([
      { id: d1, enhet: 'AF Lerum', open: false },
      { id: d1, enhet: 'AF Lerum', open: true },
      { id: d2, enhet: null, open: true },
      { id: d3, enhet: 'Jobbtorg', open: false },
      { id: d3, enhet: 'Jobbtorg Lerum', open: true },
    ]);

    const runner = s.dataSource.createQueryRunner();
    const migration = new KommunOchEnhet1764700000200();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }

    // d3's version from before its correction takes the corrected enhet: until a rebuild, a
    // report as of then shows the enhet as it is now (README, "Command line").
    expect(await enheter()).toEqual([
      { id: d1, enhet: 'AF Lerum', open: false },
      { id: d1, enhet: 'AF Lerum', open: true },
      { id: d2, enhet: null, open: true },
      { id: d3, enhet: 'Jobbtorg Lerum', open: false },
      { id: d3, enhet: 'Jobbtorg Lerum', open: true },
    ]);
    const again = await s.report({ fran: '2025-01-01', till: '2025-12-31' });
    expect({ ...again, asOf: report.asOf }).toEqual(report);
    expect(again.totalt.deltagare.nya).toEqual(kon(2));
  });
});
