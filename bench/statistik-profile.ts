/**
 * Where a statistics report's time goes, on a database kept by `bench:statistik --keep`:
 *
 *   node dist/bench/statistik-profile.js --runs 10 [--dump dir] [--cache]
 *
 * with DATABASE_URL naming the kept database. For the bench's full-year whole-förbund report
 * it times the aggregates (the SQL), the assembly, suppression and the overview separately,
 * the comparison period's own aggregates and assembly (jamfor=foregaende: for 2024, the
 * calendar year 2023) and putting the two together, and the whole report without and with
 * jamfor and with asOf; with `--dump` it writes the JSON of several
 * parameter sets (asOf, insats filter, jamfor, skydda, a period over two years) to compare
 * reports byte for byte before and after a change. `--cache`: the service keeps the reports'
 * aggregates (AggregatCache); each dumped report is then made twice and the second, from the
 * kept aggregates, is written (its sha256 must be the uncached dump's).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options.js';
import { PostgresEventStore } from '#event-store';
import {
  assembleReport,
  jamforelsePeriod,
  medOversikt,
  skyddaReport,
  StatistikService,
  type Jamfor,
  type StatistikQuery,
} from '#statistik';
import { positiveInt } from './bench-support.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    dump: { type: 'string' },
    explain: { type: 'string' },
    cache: { type: 'boolean', default: false },
  },
});
const RUNS = positiveInt('runs', args.runs);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name a database kept by bench:statistik --keep');

const median = (samples: number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const dataSource = new DataSource(dataSourceOptions(url));
await dataSource.initialize();
const store = args.cache ? new PostgresEventStore({ connectionString: url, poolSize: 2 }) : null;
try {
  const [{ forbund_id: forbundId }] = (await dataSource.query(
    'SELECT forbund_id FROM deltagande_fakta LIMIT 1',
  )) as [{ forbund_id: string }];
  const forbund = { id: forbundId, namn: 'Bench' };
  const service = new StatistikService(dataSource, store ? { cache: { events: store } } : {});
  const query: StatistikQuery = { forbundId, fran: '2024-01-01', till: '2024-12-31' };

  if (args.explain) {
    // EXPLAIN ANALYZE of each statement of one report: 'ar', 'asof' or 'jamfor' (both periods).
    const captured: { sql: string; params: unknown[] }[] = [];
    const proxy = Object.create(dataSource) as DataSource;
    proxy.createQueryRunner = (mode) => {
      const runner = dataSource.createQueryRunner(mode);
      const query = runner.query.bind(runner);
      runner.query = (async (sql: string, params?: unknown[]) => {
        if (params?.length) captured.push({ sql, params });
        return query(sql, params);
      }) as typeof runner.query;
      return runner;
    };
    const [{ mark }] = (await dataSource.query(
      `SELECT percentile_disc(0.7) WITHIN GROUP (ORDER BY recorded_from) AS mark FROM deltagande_fakta`,
    )) as [{ mark: Date }];
    await new StatistikService(proxy).report(
      args.explain === 'asof' ? { ...query, asOf: mark } : query,
      forbund,
      args.explain === 'jamfor' ? { jamfor: 'foregaende' } : {},
    );
    // As the report runs them: without JIT.
    const runner = dataSource.createQueryRunner();
    await runner.query('SET jit = off');
    for (const { sql, params } of captured) {
      const plan = (await runner.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)) as {
        'QUERY PLAN': string;
      }[];
      console.log(`---- ${JSON.stringify(params)}`);
      console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
    }
    await runner.release();
  }

  if (args.dump) {
    // An asOf in the middle of the recorded history; three insatser in the förbund's order.
    const [{ mark }] = (await dataSource.query(
      `SELECT percentile_disc(0.7) WITHIN GROUP (ORDER BY recorded_from) AS mark
       FROM deltagande_fakta`,
    )) as [{ mark: Date }];
    const insatser = (
      (await dataSource.query(
        'SELECT DISTINCT insats_id FROM deltagande_fakta ORDER BY insats_id LIMIT 3',
      )) as { insats_id: string }[]
    ).map((row) => row.insats_id);
    const sets: [string, StatistikQuery, { jamfor?: Jamfor; skydda?: boolean }][] = [
      ['ar', query, {}],
      ['asof', { ...query, asOf: mark }, {}],
      ['insatser', { ...query, insatsIds: insatser }, {}],
      ['jamfor', query, { jamfor: 'foregaende' }],
      ['fjol-skydda', query, { jamfor: 'fjol', skydda: true }],
      ['tva-ar', { ...query, fran: '2022-07-01', till: '2024-06-30' }, { skydda: true }],
      ['asof-jamfor', { ...query, asOf: mark, insatsIds: insatser }, { jamfor: 'foregaende' }],
      ['halvar', { ...query, fran: '2023-03-15', till: '2023-09-14' }, { jamfor: 'fjol' }],
    ];
    mkdirSync(args.dump, { recursive: true });
    for (const [name, q, options] of sets) {
      if (store) await service.report(q, forbund, options);
      const report = await service.report(q, forbund, options);
      // A report without asOf is as known now: the moment is the only part that differs.
      const json = JSON.stringify(report, (key, value: unknown) =>
        key === 'asOf' && !q.asOf ? 'nu' : value,
      );
      writeFileSync(join(args.dump, `${name}.json`), json);
      console.log(`${name}: ${json.length} characters`);
    }
  }

  const steps = {
    aggregat: [],
    assemble: [],
    skydda: [],
    oversikt: [],
    'jamfor: aggregat (earlier period alone)': [],
    'jamfor: assemble (earlier period)': [],
    'jamfor: medOversikt': [],
  } as Record<string, number[]>;
  const earlier = { ...query, ...jamforelsePeriod('foregaende', query) };
  const whole: number[] = [];
  const jamfor: number[] = [];
  const asOfRuns: number[] = [];
  const [{ mark }] = (await dataSource.query(
    `SELECT percentile_disc(0.7) WITHIN GROUP (ORDER BY recorded_from) AS mark FROM deltagande_fakta`,
  )) as [{ mark: Date }];
  // A report that fails (the statement timeout) counts as failed, not as a sample.
  const failures = { report: 0, jamfor: 0, asOf: 0 };
  const timed = async (
    samples: number[],
    failed: keyof typeof failures,
    run: number,
    report: () => Promise<unknown>,
  ): Promise<void> => {
    const t = performance.now();
    try {
      await report();
      if (run >= 0) samples.push(performance.now() - t);
    } catch {
      failures[failed]++;
    }
  };
  for (let run = -2; run < RUNS; run++) {
    const t = performance.now();
    const { aggregat, frame } = await service.aggregat(query, forbund);
    const t1 = performance.now();
    const report = assembleReport(aggregat, frame);
    const t2 = performance.now();
    const skyddad = skyddaReport(report);
    const t3 = performance.now();
    medOversikt(skyddad);
    const t4 = performance.now();
    const tidigare = await service.aggregat(earlier, forbund);
    const t5 = performance.now();
    const tidigareReport = assembleReport(tidigare.aggregat, tidigare.frame);
    const t6 = performance.now();
    medOversikt(report, { typ: 'foregaende', report: tidigareReport });
    const t7 = performance.now();
    if (run >= 0) {
      steps.aggregat!.push(t1 - t);
      steps.assemble!.push(t2 - t1);
      steps.skydda!.push(t3 - t2);
      steps.oversikt!.push(t4 - t3);
      steps['jamfor: aggregat (earlier period alone)']!.push(t5 - t4);
      steps['jamfor: assemble (earlier period)']!.push(t6 - t5);
      steps['jamfor: medOversikt']!.push(t7 - t6);
    }
    await timed(whole, 'report', run, () => service.report(query, forbund));
    await timed(jamfor, 'jamfor', run, () =>
      service.report(query, forbund, { jamfor: 'foregaende' }),
    );
    await timed(asOfRuns, 'asOf', run, () => service.report({ ...query, asOf: mark }, forbund));
  }
  const fmt = (samples: number[]): string =>
    samples.length === 0
      ? 'no run finished'
      : `median ${median(samples).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`;
  for (const [step, samples] of Object.entries(steps)) console.log(`${step}: ${fmt(samples)}`);
  console.log(`report: ${fmt(whole)}`);
  console.log(`report with jamfor=foregaende: ${fmt(jamfor)}`);
  console.log(`report with asOf: ${fmt(asOfRuns)}`);
  console.log(`failed runs (statement timeout): ${JSON.stringify(failures)}`);
} finally {
  await dataSource.destroy();
  await store?.close();
}
