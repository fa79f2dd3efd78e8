/**
 * The report's aggregates kept in the process (AggregatCache), on a copy of a database kept by
 * `bench:statistik --keep` (this adds events to it):
 *
 *   node dist/bench/statistik-cache.js [--runs 10] [--k 0,1,10,100] [--check] [--scale 1] [--seed 1]
 *
 * with DATABASE_URL naming the copy and --scale/--seed/--komplettering as the kept database
 * was made (for the insatser's decider contexts). First the full-year whole-förbund report and
 * the report with jamfor=foregaende without the cache (every deltagande counted), then, for
 * each k, with the cache: before each timed run k late commands on deltaganden (a late
 * inskrivning or avslut, a corrected avslutsorsak, now and then a makulering: late-changes.ts,
 * through the deciders, on deltaganden picked in a fixed pseudo-random order and read from the
 * read model as they stand) are appended and projected, untimed; then the cached report and,
 * on a second service of its own, the cached report with jamfor are timed, each seeing exactly
 * the k changes since its previous run. `--check` compares every cached report, byte for byte
 * but for the moment it is as of, with the same report counted whole (untimed).
 */
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options.js';
import {
  decideDeltagande,
  deltagandeStream,
  type Deltagande,
  type DeltagandeCommand,
} from '#domain';
import { PostgresEventStore } from '#event-store';
import { ProjectionRunner, readModelProjections } from '#projections';
import { StatistikService, type CacheOutcome, type StatistikReport } from '#statistik';
import { catchUpToHead, positiveInt } from './bench-support.js';
import { lateCommand } from './late-changes.js';
import { StatistikDataset } from './statistik-dataset.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    k: { type: 'string', default: '0,1,10,100' },
    check: { type: 'boolean', default: false },
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    komplettering: { type: 'string', default: '1' },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name a copy of a database kept by bench:statistik');
const RUNS = positiveInt('runs', args.runs);
const KS = args.k.split(',').map(Number);

const dataset = new StatistikDataset({
  deltaganden: Math.max(1, Math.round(400_000 * Number(args.scale))),
  seed: positiveInt('seed', args.seed),
  komplettering: Number(args.komplettering),
});
const contexts = new Map(dataset.insatser.map((i) => [i.insatsId, i.context] as const));
const userId = dataset.insatser[0]!.users[0]!;

const store = new PostgresEventStore({ connectionString: url, poolSize: 4 });
const dataSource = new DataSource(dataSourceOptions(url));
await dataSource.initialize();
const runner = new ProjectionRunner(store, dataSource, readModelProjections());

const pct = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
};
const fmt = (samples: number[]): string =>
  `p50 ${pct(samples, 0.5).toFixed(1)} ms, p95 ${pct(samples, 0.95).toFixed(1)} ms, ` +
  `max ${Math.max(...samples).toFixed(1)} ms (${samples.length} runs)`;
const json = (report: StatistikReport): string =>
  JSON.stringify(report, (key, value: unknown) => (key === 'asOf' ? 'nu' : value));

try {
  await catchUpToHead(runner, store);
  const [{ forbund_id: forbundId }] = (await dataSource.query(
    'SELECT forbund_id FROM deltagande_fakta LIMIT 1',
  )) as [{ forbund_id: string }];
  const forbund = { id: forbundId, namn: 'Bench' };
  const query = { forbundId, fran: '2024-01-01', till: '2024-12-31' };

  // Deltaganden whose late commands move the report: remitted from mid-2023 on, in a fixed
  // pseudo-random order; each is changed at most once per bench run.
  const pool = (
    (await dataSource.query(
      `SELECT id FROM deltagande
       WHERE forbund_id = $1 AND remiss_datum BETWEEN '2023-06-01' AND '2024-12-31'
         AND status NOT IN ('makulerad', 'aterremitterad')
       ORDER BY md5(id::text) LIMIT 20000`,
      [forbundId],
    )) as { id: string }[]
  ).map((row) => row.id);
  let next = 0;
  let changed = 0;
  /** k late commands, appended and projected. */
  const lateChanges = async (k: number): Promise<void> => {
    let done = 0;
    while (done < k) {
      const id = pool[next++];
      if (!id) throw new Error('no deltaganden left to change');
      const [row] = (await dataSource.query(
        'SELECT insats_id, state, revision FROM deltagande WHERE id = $1',
        [id],
      )) as { insats_id: string; state: Deltagande; revision: number }[];
      const context = row && contexts.get(row.insats_id);
      const command = row && lateCommand(row.state, ++changed);
      if (!context || !command) continue;
      let events;
      try {
        events = decideDeltagande({ ...command, context } as DeltagandeCommand, row.state);
      } catch {
        continue;
      }
      await store.appendToStream(
        deltagandeStream(id),
        events.map((event) => ({
          type: event.type,
          data: event.data as Record<string, unknown>,
          metadata: { userId, correlationId: id, causationId: id },
        })),
        { expectedRevision: row.revision },
      );
      done++;
    }
    await catchUpToHead(runner, store);
  };

  const uncached = new StatistikService(dataSource);
  const timed = async <T>(samples: number[], run: number, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await work();
    if (run >= 0) samples.push(performance.now() - t);
    return result;
  };

  // Without the cache: every report counts every deltagande.
  const cold = { report: [] as number[], jamfor: [] as number[] };
  for (let run = -2; run < RUNS; run++) {
    await timed(cold.report, run, () => uncached.report(query, forbund));
    await timed(cold.jamfor, run, () => uncached.report(query, forbund, { jamfor: 'foregaende' }));
  }
  console.log(`cache off: report ${fmt(cold.report)}`);
  console.log(`cache off: report with jamfor=foregaende ${fmt(cold.jamfor)}`);

  let mismatches = 0;
  for (const k of KS) {
    const cache = { events: store };
    const forReport = new StatistikService(dataSource, { cache });
    const forJamfor = new StatistikService(dataSource, { cache });
    await forReport.report(query, forbund);
    await forJamfor.report(query, forbund, { jamfor: 'foregaende' });
    const samples = { report: [] as number[], jamfor: [] as number[] };
    // The first update after the full report also makes the rows' places (untimed warm-up).
    const forsta = { report: [] as number[], jamfor: [] as number[] };
    for (let run = -1; run < RUNS; run++) {
      if (k > 0) await lateChanges(k);
      const report = await timed(run < 0 ? forsta.report : samples.report, 0, () =>
        forReport.report(query, forbund),
      );
      const jamfor = await timed(run < 0 ? forsta.jamfor : samples.jamfor, 0, () =>
        forJamfor.report(query, forbund, { jamfor: 'foregaende' }),
      );
      if (args.check) {
        const [a, b] = await Promise.all([
          uncached.report(query, forbund),
          uncached.report(query, forbund, { jamfor: 'foregaende' }),
        ]);
        if (json(a) !== json(report)) mismatches++;
        if (json(b) !== json(jamfor)) mismatches++;
      }
    }
    const outcomes = (s: StatistikService): string =>
      Object.entries(s.cache!.outcomes)
        .filter(([, n]) => n > 0)
        .map(([outcome, n]) => `${outcome as CacheOutcome} ${n}`)
        .join(', ');
    console.log(
      `cache on, ${k} late commands before each run: report ${fmt(samples.report)} ` +
        `[${outcomes(forReport)}; the first update ${forsta.report[0]!.toFixed(1)} ms]`,
    );
    console.log(
      `cache on, ${k} late commands before each run: report with jamfor=foregaende ` +
        `${fmt(samples.jamfor)} [${outcomes(forJamfor)}; the first update ${forsta.jamfor[0]!.toFixed(1)} ms]`,
    );
  }
  if (args.check) {
    console.log(
      mismatches === 0
        ? 'check: every cached report is byte for byte the report counted whole'
        : `check: ${mismatches} cached reports DIFFER from the report counted whole`,
    );
    if (mismatches > 0) process.exitCode = 1;
  }
} finally {
  await dataSource.destroy();
  await store.close();
}
