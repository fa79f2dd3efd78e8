/**
 * Issue 13's `forandringar` figure on a database kept by `bench:statistik --keep` (a copy of
 * it: this adds events):
 *
 *   node [--cpu-prof] dist/bench/forandringar-profile.js [--scale 1] [--seed 1] [--runs 5] [--check]
 *
 * with DATABASE_URL naming the copy and --scale/--seed/--komplettering as the kept database
 * was made. The first run applies bench:statistik's month of late changes (late-changes.ts)
 * recorded over the 30 days after now, and lets the projections catch up; a later run finds
 * them applied and takes the same moments. Then it times the explanation from fore to
 * fore + 30 days for the full year 2024, as bench:statistik does (the service only, without
 * reading the streams). `--check` also compares the moved cells and their values with the
 * diff of the two whole reports made as of each moment. `--timeout-ms` (120,000 by default)
 * is the statements' timeout, for a loaded machine.
 */
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options.js';
import { PostgresEventStore } from '#event-store';
import { ProjectionRunner, readModelProjections } from '#projections';
import { assembleReport, diffReports, ForandringarService, StatistikService } from '#statistik';
import { catchUpToHead, positiveInt } from './bench-support.js';
import { appendLateChanges, lateRecordedAt, MONTH_MS, planLateChanges } from './late-changes.js';
import { StatistikDataset } from './statistik-dataset.js';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    komplettering: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    check: { type: 'boolean', default: false },
    // The app's statement timeout (15 s) cancels the whole-year asOf statements on a loaded machine.
    'timeout-ms': { type: 'string', default: '120000' },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name a copy of a database kept by bench:statistik');
const DELTAGANDEN = Math.max(1, Math.round(400_000 * Number(args.scale)));
const RUNS = positiveInt('runs', args.runs);
const FRAN = '2024-01-01';
const TILL = '2024-12-31';

const dataset = new StatistikDataset({
  deltaganden: DELTAGANDEN,
  seed: positiveInt('seed', args.seed),
  komplettering: Number(args.komplettering),
});
const planned = planLateChanges(dataset, DELTAGANDEN);
const store = new PostgresEventStore({ connectionString: url, poolSize: 4 });
const dataSource = new DataSource(dataSourceOptions(url));
await dataSource.initialize();
try {
  // Applied before: the first late change's recording moment gives fore back.
  const first = planned[0]!;
  const stream = await store.readStream(first.streamId);
  let fore: Date;
  if (stream.length > first.revision + 1) {
    const late = stream[first.revision + 1]!.recordedAt;
    fore = new Date(late.getTime() - lateRecordedAt(new Date(0), 0, planned.length).getTime());
    console.log(`${planned.length} late changes applied before; fore ${fore.toISOString()}`);
  } else {
    fore = new Date();
    const start = performance.now();
    await appendLateChanges(store, planned, fore, dataset.insatser[0]!.users[0]!);
    const runner = new ProjectionRunner(store, dataSource, readModelProjections());
    const applied = await catchUpToHead(runner, store);
    await dataSource.query('ANALYZE deltagande_fakta, uppfoljning_fakta');
    console.log(
      `applied ${planned.length} late changes (${applied} events projected) in ` +
        `${((performance.now() - start) / 1000).toFixed(1)} s; fore ${fore.toISOString()}`,
    );
  }
  const efter = new Date(fore.getTime() + MONTH_MS);
  const [{ forbund_id: forbundId }] = (await dataSource.query(
    'SELECT forbund_id FROM deltagande_fakta LIMIT 1',
  )) as [{ forbund_id: string }];
  const forbund = { id: forbundId, namn: 'Bench' };
  const statistik = new StatistikService(dataSource, {
    statementTimeoutMs: positiveInt('timeout-ms', args['timeout-ms']),
  });
  const service = new ForandringarService(dataSource, statistik);
  const query = { forbundId, fran: FRAN, till: TILL };

  const samples: number[] = [];
  let summary = '';
  for (let run = -1; run < RUNS; run++) {
    const start = performance.now();
    const forandringar = await service.forandringar(query, fore, efter, forbund);
    const ms = performance.now() - start;
    if (run >= 0) samples.push(ms);
    const ids = new Set(forandringar.flatMap((f) => f.orsaker.map((o) => o.deltagandeId)));
    summary =
      `${forandringar.length} moved cells, ${forandringar.filter((f) => f.orsaker.length > 0).length} ` +
      `explained, ${ids.size} deltaganden behind them`;
    console.log(`run ${run}: ${ms.toFixed(0)} ms; ${summary}`);
    if (args.check && run === -1) {
      const [a, b] = await Promise.all([
        statistik.aggregat({ ...query, asOf: fore }, forbund),
        statistik.aggregat({ ...query, asOf: efter }, forbund),
      ]);
      const expected = diffReports(
        assembleReport(a.aggregat, a.frame),
        assembleReport(b.aggregat, b.frame),
      );
      const got = forandringar.map(({ orsaker: _orsaker, ...cell }) => cell);
      const same = JSON.stringify(got) === JSON.stringify(expected);
      console.log(
        `check: ${expected.length} cells moved between the two whole reports; ` +
          (same ? 'the same cells and values' : 'DIFFERENT cells or values'),
      );
      if (!same) process.exitCode = 1;
    }
  }
  samples.sort((x, y) => x - y);
  const pct = (p: number): number => samples[Math.max(0, Math.ceil(p * samples.length) - 1)]!;
  console.log(
    `forandringar ${FRAN}…${TILL}, fore → fore + 30 days, ${planned.length} late changes: ` +
      `p50 ${pct(0.5).toFixed(0)} ms, p95 ${pct(0.95).toFixed(0)} ms (${RUNS} runs); ${summary}`,
  );
} finally {
  await dataSource.destroy();
  await store.close();
}
