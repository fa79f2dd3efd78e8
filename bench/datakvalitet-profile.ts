/**
 * Issue 13's `datakvalitet` figure on a database kept by `bench:statistik --keep` (a copy of
 * it: this records exports in its `rapport` table and removes them again):
 *
 *   node [--cpu-prof] dist/bench/datakvalitet-profile.js [--runs 10] [--as-of ISO]
 *
 * with DATABASE_URL naming the copy. Times the data-quality view of the whole förbund for
 * 2024 as bench:statistik does (the query handler, without HTTP), after two warm-ups: with no
 * recorded export; with one full-year export as of `--as-of` (by default the moment by which
 * half of the fact versions were recorded, so the report made now differs from it); and with
 * one made now without asOf, as the export does by default (nothing recorded since: the same
 * report; with asOf now, the dataset's late changes, recorded a month ahead, would count as
 * recorded since). Prints p50, p95 and max of
 * each and the recorded reports found changed.
 */
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options.js';
import { PostgresEventStore } from '#event-store';
import { StatistikService } from '#statistik';
import { positiveInt } from './bench-support.js';
import { datakvalitetAsAdmin } from './datakvalitet-support.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    'as-of': { type: 'string' },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name a copy of a database kept by bench:statistik');
const RUNS = positiveInt('runs', args.runs);
const FRAN = '2024-01-01';
const TILL = '2024-12-31';

const dataSource = new DataSource(dataSourceOptions(url));
await dataSource.initialize();
const store = new PostgresEventStore({ connectionString: url });
const ids: string[] = [];
try {
  const [{ forbund_id: forbundId }] = (await dataSource.query(
    'SELECT forbund_id FROM deltagande_fakta LIMIT 1',
  )) as [{ forbund_id: string }];
  const forbund = { id: forbundId, namn: 'Bench' };
  await dataSource.query(
    'INSERT INTO forbund (id, namn) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
    [forbund.id, forbund.namn],
  );
  const [{ namn }] = (await dataSource.query('SELECT namn FROM forbund WHERE id = $1', [
    forbund.id,
  ])) as [{ namn: string }];
  forbund.namn = namn;
  const [{ mitt }] = (await dataSource.query(
    `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY recorded_from) AS mitt
     FROM deltagande_fakta WHERE forbund_id = $1`,
    [forbundId],
  )) as [{ mitt: Date }];
  const asOf = args['as-of'] ? new Date(args['as-of']) : new Date(mitt);

  const dq = datakvalitetAsAdmin(dataSource, store, forbundId);
  const { recorder, admin } = dq;
  const datakvalitet = () => dq.datakvalitet(FRAN, TILL);
  const measure = async (label: string): Promise<void> => {
    for (let i = 0; i < 2; i++) await datakvalitet();
    const samples: number[] = [];
    let andrade = 0;
    const cpu = process.cpuUsage();
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const svar = await datakvalitet();
      samples.push(performance.now() - start);
      andrade = svar.andradeRapporter?.length ?? 0;
    }
    const used = process.cpuUsage(cpu);
    samples.sort((a, b) => a - b);
    const pct = (p: number): number => samples[Math.max(0, Math.ceil(p * samples.length) - 1)]!;
    console.log(
      `datakvalitet ${FRAN}…${TILL}, ${label}: p50 ${pct(0.5).toFixed(0)} ms, ` +
        `p95 ${pct(0.95).toFixed(0)} ms, max ${samples.at(-1)!.toFixed(0)} ms (${RUNS} runs; ` +
        `node CPU ${((used.user + used.system) / 1000 / RUNS).toFixed(0)} ms a run); ` +
        `${andrade} ändrade rapporter`,
    );
  };
  /** `at` undefined: as of the moment of the export, as the export makes it without asOf. */
  const record = async (at: Date | undefined): Promise<void> => {
    // As the export records it: the read models' checkpoint read before its report.
    const lasposition = await recorder.lasposition();
    const report = await new StatistikService(dataSource).report(
      { forbundId, fran: FRAN, till: TILL, ...(at ? { asOf: at } : {}) },
      forbund,
    );
    ids.push(
      await recorder.record(report, admin, {
        fran: FRAN,
        till: TILL,
        asOf: report.asOf,
        skydda: false,
        format: 'csv',
        lasposition,
        asOfAngiven: at !== undefined,
      }),
    );
  };

  await dataSource.query('DELETE FROM rapport WHERE forbund_id = $1', [forbundId]);
  await measure('no recorded export');
  await record(asOf);
  await measure(`one recorded export as of ${asOf.toISOString()}`);
  await dataSource.query('DELETE FROM rapport WHERE id = ANY($1::uuid[])', [ids.splice(0)]);
  await record(undefined);
  await measure('one recorded export made now without asOf (unchanged since)');
} finally {
  if (ids.length > 0) {
    await dataSource.query('DELETE FROM rapport WHERE id = ANY($1::uuid[])', [ids]);
  }
  await dataSource.destroy();
  await store.close();
}
