/**
 * Statistics benchmark at national scale: 400,000 deltaganden (about 2 million events) over
 * ten years in twelve insatser of one förbund, written through the event store as the API
 * writes them, projected by the application's read-model projections, then reported on.
 *
 *   npm run bench:statistik -- [--scale 1] [--writers 8] [--pool 8] [--batch 3000] [--runs 20]
 *                              [--seed 1] [--komplettering 1] [--dry-run] [--explain] [--keep]
 *
 * Prints events appended per second, projection catch-up events per second, the latency of a
 * full-year whole-förbund report (p50/p95/max of --runs runs after 2 warm-ups) without and
 * with asOf and with oversikt + jamfor=foregaende, `forandringar` for the year between two
 * moments a month apart with 2 % of the deltaganden changed late in that month, and the peak RSS of this process, each against its target. `--scale 0.05` runs
 * 20,000 deltaganden; `--dry-run` only generates the dataset and prints its mix; `--explain`
 * prints EXPLAIN ANALYZE of each of the report's SQL statements that took 10 ms or more.
 *
 * Uses DATABASE_URL's server when set (a fresh database is created and dropped on it, or kept
 * with `--keep` to study the report's plans by hand), otherwise starts an embedded PostgreSQL
 * at durable defaults in a temporary directory.
 */
import { parseArgs } from 'node:util';
import { DataSource, type EntityManager } from 'typeorm';
import { catchUpToHead, openBenchDatabase, PeakMemory, positiveInt } from './bench-support.js';
import { dataSourceOptions, MIGRATIONS } from '../apps/api/src/database/data-source-options.js';
import { migrateDatabase } from '#platform';
import {
  PostgresEventStore,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '#event-store';
import {
  DEFAULT_BATCH_SIZE,
  ProjectionRunner,
  readModelProjections,
  type BatchScope,
  type Projection,
} from '#projections';
import type { Deltagande } from '#domain';
import { ForandringarService, StatistikService, writePdf } from '#statistik';
import { Writable } from 'node:stream';
import { appendLateChanges, MONTH_MS, planLateChanges } from './late-changes.js';
import { datakvalitetAsAdmin } from './datakvalitet-support.js';
import {
  IDAG,
  StatistikDataset,
  type PlannedAppend,
  type PlannedDeltagande,
} from './statistik-dataset.js';

const FULL_SCALE_DELTAGANDEN = 400_000;
/** The report measured: a full calendar year for the whole förbund. */
const FRAN = '2024-01-01';
const TILL = '2024-12-31';
/** Share of deltaganden written when asOfMark is taken. */
const AS_OF_SHARE = 0.7;
const WARM_UPS = 2;

const TARGET = {
  reportP95Ms: 300,
  reportAsOfP95Ms: 1_500,
  reportJamforP95Ms: 400,
  forandringarP95Ms: 2_000,
  datakvalitetP95Ms: 1_000,
  catchUpEventsPerSecond: 20_000,
  peakRssBytes: 1024 ** 3,
};

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    writers: { type: 'string', default: '8' },
    pool: { type: 'string', default: '8' },
    batch: { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
    runs: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    komplettering: { type: 'string', default: '1' },
    'dry-run': { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
if (args.keep && !process.env.DATABASE_URL) {
  throw new Error('--keep needs DATABASE_URL: the embedded server is removed after the run');
}
const nonNegative = (name: string, value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return n;
};
const SCALE = nonNegative('scale', args.scale);
if (SCALE === 0) throw new Error('--scale must be greater than 0');
const DELTAGANDEN = Math.max(1, Math.round(FULL_SCALE_DELTAGANDEN * SCALE));
const WRITERS = positiveInt('writers', args.writers);
const POOL_SIZE = positiveInt('pool', args.pool);
const BATCH_SIZE = positiveInt('batch', args.batch);
const RUNS = positiveInt('runs', args.runs);
const SEED = positiveInt('seed', args.seed);
const KOMPLETTERING = nonNegative('komplettering', args.komplettering);

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const mib = (bytes: number): string => `${int(bytes / 1024 / 1024)} MiB`;
const ms = (n: number): string => `${n.toFixed(n < 100 ? 1 : 0)} ms`;

// ---------------------------------------------------------------------------------------------
// What the report must show, computed from the deltaganden's final states (the domain's fold)

interface Expected {
  aktuella: number;
  nya: number;
  avslutade: number;
  unika: Set<string>;
}

const tally = (expected: Expected, planned: PlannedDeltagande): void => {
  const state: Deltagande = planned.state;
  if (state.status === 'makulerad' || !state.inskrivning) return;
  const i = state.inskrivning.datum;
  const a = state.avslut?.datum ?? null;
  if (i <= TILL && (a === null || a >= FRAN)) {
    expected.aktuella++;
    expected.unika.add(state.person?.personId ?? planned.deltagandeId);
  }
  if (i >= FRAN && i <= TILL) expected.nya++;
  if (a !== null && a >= FRAN && a <= TILL) expected.avslutade++;
};

// ---------------------------------------------------------------------------------------------
// The write side: one append per command at its expected revision

class Counts {
  appends = 0;
  events = 0;
  readonly byType = new Map<string, number>();
  add(stream: { appends: readonly PlannedAppend[] }): void {
    for (const append of stream.appends) {
      this.appends++;
      for (const event of append.events) {
        this.events++;
        this.byType.set(event.type, (this.byType.get(event.type) ?? 0) + 1);
      }
    }
  }
}

const toNewEvents = (append: PlannedAppend): NewEvent[] =>
  append.events.map((event) => ({
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: {
      userId: append.userId,
      correlationId: append.causationId,
      causationId: append.causationId,
    },
  }));

/** Appends a stream's commands in order, each at the revision the previous one left. */
const writeStream = async (
  store: EventStore,
  streamId: string,
  appends: readonly PlannedAppend[],
  after = -1,
): Promise<number> => {
  let revision = after;
  for (const append of appends) {
    const result = await store.appendToStream(streamId, toNewEvents(append), {
      expectedRevision: revision < 0 ? 'no-stream' : revision,
    });
    revision = result.revision;
  }
  return revision;
};

interface WriteResult {
  readonly seconds: number;
  readonly asOfMark: Date;
}

/**
 * WRITERS writers take deltaganden in index order from one counter, so the streams they
 * write are disjoint; asOfMark is taken once AS_OF_SHARE of the deltaganden are written.
 */
const writeDeltaganden = async (
  store: EventStore,
  dataset: StatistikDataset,
  counts: Counts,
  expected: Expected,
): Promise<WriteResult> => {
  let next = 0;
  let done = 0;
  let asOfMark: Date | undefined;
  const markAt = Math.ceil(DELTAGANDEN * AS_OF_SHARE);
  const progressEvery = Math.max(1, Math.ceil(DELTAGANDEN / 10));
  const start = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < DELTAGANDEN) {
        const planned = dataset.deltagande(next++);
        counts.add(planned);
        tally(expected, planned);
        await writeStream(store, planned.streamId, planned.appends);
        done++;
        if (done === markAt) asOfMark = new Date();
        if (done % progressEvery === 0) {
          const seconds = (performance.now() - start) / 1000;
          console.log(
            `  … ${int(done)} deltaganden, ${int(counts.events)} events in ${seconds.toFixed(0)} s` +
              ` (${int(counts.events / seconds)} events/s)`,
          );
        }
      }
    }),
  );
  return { seconds: (performance.now() - start) / 1000, asOfMark: asOfMark ?? new Date() };
};

/** A projection as given, with the wall time of its apply calls added up. */
class TimedProjection implements Projection {
  ms = 0;
  readonly name: string;
  readonly handles: ReadonlySet<string>;
  readonly tables: readonly string[];
  constructor(private readonly inner: Projection) {
    this.name = inner.name;
    this.handles = inner.handles;
    this.tables = inner.tables;
  }
  async apply(
    events: readonly RecordedEvent[],
    tx: EntityManager,
    batch: BatchScope,
  ): Promise<void> {
    const start = performance.now();
    try {
      await this.inner.apply(events, tx, batch);
    } finally {
      this.ms += performance.now() - start;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Report latency

interface Latency {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/** Nearest-rank percentile of sorted samples. */
const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;

const measure = async (run: () => Promise<unknown>): Promise<Latency> => {
  for (let i = 0; i < WARM_UPS; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), max: samples.at(-1)! };
};

interface QueryTiming {
  readonly sql: string;
  readonly params: unknown[];
  readonly ms: number;
}

/** The data source with each query's wall time recorded: where does a report's time go? */
const profiled = (dataSource: DataSource, timings: QueryTiming[]): DataSource => {
  const timed =
    (query: (sql: string, params?: unknown[]) => Promise<unknown>) =>
    async (sql: string, params?: unknown[]): Promise<unknown> => {
      const start = performance.now();
      try {
        return await query(sql, params);
      } finally {
        timings.push({ sql, params: params ?? [], ms: performance.now() - start });
      }
    };
  const proxy = Object.create(dataSource) as DataSource;
  proxy.query = timed(dataSource.query.bind(dataSource)) as DataSource['query'];
  // The report's statements run on query runners of their own, side by side.
  proxy.createQueryRunner = (mode) => {
    const runner = dataSource.createQueryRunner(mode);
    runner.query = timed(runner.query.bind(runner)) as typeof runner.query;
    return runner;
  };
  return proxy;
};

// ---------------------------------------------------------------------------------------------
// What changed since (issue 13): a month of late registrations and corrections

interface ForandringarResult {
  readonly latency: Latency;
  readonly late: number;
}

/**
 * Issue 13's figure: `forandringar` for the full year between two as-of moments a month
 * apart. Once everything is written and projected (fore), every LATE_STRIDE-th deltagande gets
 * one late command through the decider (a late inskrivning or avslut, a corrected
 * avslutsorsak, a makulering), its events recorded spread over the following 30 days; the
 * projections catch up, and the explanation from fore to fore + 30 days is timed as the API
 * makes it: both reports, each changed deltagande's part, and the streams of those that moved
 * a cell read for their events.
 */
const measureForandringar = async (
  store: EventStore,
  dataSource: DataSource,
  dataset: StatistikDataset,
  runner: ProjectionRunner,
  forbund: { id: string; namn: string },
): Promise<ForandringarResult> => {
  const fore = new Date();
  const planned = planLateChanges(dataset, DELTAGANDEN);
  await appendLateChanges(store, planned, fore, dataset.insatser[0]!.users[0]!);
  await catchUpToHead(runner, store);
  await dataSource.query('ANALYZE deltagande_fakta, uppfoljning_fakta');
  const efter = new Date(fore.getTime() + MONTH_MS);
  const service = new ForandringarService(dataSource, new StatistikService(dataSource));
  const query = { forbundId: forbund.id, fran: FRAN, till: TILL };
  let summary = '';
  const latency = await measure(async () => {
    const forandringar = await service.forandringar(query, fore, efter, forbund);
    // The handler's part: each deltagande that moved a cell, its stream read for the events.
    const ids = [...new Set(forandringar.flatMap((f) => f.orsaker.map((o) => o.deltagandeId)))];
    const queue = [...ids];
    let events = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let id = queue.pop(); id; id = queue.pop()) {
          events += (await store.readStream(`deltagande-${id}`)).length;
        }
      }),
    );
    summary =
      `${int(forandringar.length)} moved cells, ${int(forandringar.filter((f) => f.orsaker.length > 0).length)} ` +
      `explained, ${int(ids.length)} deltaganden behind them (${int(events)} events read)`;
  });
  console.log(
    `forandringar ${FRAN}…${TILL}, fore → fore + 30 days, ${int(planned.length)} late commands: ` +
      `p50 ${ms(latency.p50)}, p95 ${ms(latency.p95)}, max ${ms(latency.max)} (${RUNS} runs); ${summary}`,
  );
  return { latency, late: planned.length };
};

// ---------------------------------------------------------------------------------------------

const printMix = (counts: Counts, deltaganden: number): void => {
  console.log(
    `dataset: ${int(deltaganden)} deltaganden, ${int(counts.events)} events in ${int(counts.appends)} appends ` +
      `(${(counts.events / deltaganden).toFixed(2)} events per deltagande)`,
  );
  const rows = [...counts.byType].sort((a, b) => b[1] - a[1]);
  for (const [type, n] of rows) {
    console.log(
      `  ${type.padEnd(28)} ${int(n).padStart(10)}  ${((100 * n) / counts.events).toFixed(1).padStart(5)} %`,
    );
  }
};

const dryRun = (dataset: StatistikDataset): void => {
  const counts = new Counts();
  const expected: Expected = { aktuella: 0, nya: 0, avslutade: 0, unika: new Set() };
  const start = performance.now();
  for (const stream of [...dataset.insatsStreams(), dataset.forbundStream()]) counts.add(stream);
  for (const closing of dataset.insatsClosings()) counts.add({ appends: [closing.append] });
  const streams = new Set<string>();
  for (let i = 0; i < DELTAGANDEN; i++) {
    const planned = dataset.deltagande(i);
    counts.add(planned);
    tally(expected, planned);
    streams.add(planned.streamId);
  }
  printMix(counts, DELTAGANDEN);
  if (streams.size !== DELTAGANDEN) {
    console.error(`FAILED: ${DELTAGANDEN - streams.size} deltagande ids generated twice`);
    process.exitCode = 1;
  }
  console.log(
    `generated in ${((performance.now() - start) / 1000).toFixed(1)} s; ${FRAN.slice(0, 4)}: ` +
      `aktuella ${int(expected.aktuella)}, nya ${int(expected.nya)}, avslutade ${int(expected.avslutade)}, ` +
      `unika personer ${int(expected.unika.size)}`,
  );
};

const main = async (): Promise<void> => {
  const dataset = new StatistikDataset({
    deltaganden: DELTAGANDEN,
    seed: SEED,
    komplettering: KOMPLETTERING,
  });
  if (args['dry-run']) {
    dryRun(dataset);
    return;
  }

  const memory = new PeakMemory();
  const database = await openBenchDatabase('bench_statistik', process.env.DATABASE_URL);
  const { url } = database;
  const store = new PostgresEventStore({ connectionString: url, poolSize: POOL_SIZE });
  // The application's own settings (pool, work_mem): the report is measured as it serves.
  const dataSource = new DataSource(dataSourceOptions(url));
  let failed = false;
  try {
    await migrateDatabase(url, MIGRATIONS);
    await dataSource.initialize();
    const settings: { fsync: string; synchronous_commit: string; version: string }[] =
      await dataSource.query(
        `SELECT current_setting('fsync') AS fsync,
                current_setting('synchronous_commit') AS synchronous_commit,
                current_setting('server_version') AS version`,
      );
    const s = settings[0]!;
    console.log(
      `statistik bench: scale ${SCALE} = ${int(DELTAGANDEN)} deltaganden, seed ${SEED}, ` +
        `komplettering ${KOMPLETTERING}, ${WRITERS} writers, pool ${POOL_SIZE}, batch ${BATCH_SIZE}; ` +
        `PostgreSQL ${s.version} fsync=${s.fsync} synchronous_commit=${s.synchronous_commit}`,
    );

    // 1. Write: insatser (created, grupp, årsmål, goals, ekonomi, volym) and the förbund's goals,
    // then the deltaganden, then insats closings.
    const counts = new Counts();
    const expected: Expected = { aktuella: 0, nya: 0, avslutade: 0, unika: new Set() };
    const revisions = new Map<string, number>();
    const writeStart = performance.now();
    for (const stream of [...dataset.insatsStreams(), dataset.forbundStream()]) {
      counts.add(stream);
      revisions.set(stream.streamId, await writeStream(store, stream.streamId, stream.appends));
    }
    const written = await writeDeltaganden(store, dataset, counts, expected);
    for (const { insats, append } of dataset.insatsClosings()) {
      const streamId = `insats-${insats.insatsId}`;
      counts.add({ appends: [append] });
      await writeStream(store, streamId, [append], revisions.get(streamId));
    }
    const writeSeconds = (performance.now() - writeStart) / 1000;
    printMix(counts, DELTAGANDEN);
    const appendedPerSecond = counts.events / writeSeconds;
    console.log(
      `append: ${int(counts.events)} events (${int(counts.appends)} appends) in ${writeSeconds.toFixed(1)} s = ` +
        `${int(appendedPerSecond)} events/s, ${int(counts.appends / writeSeconds)} appends/s; ` +
        `asOfMark ${written.asOfMark.toISOString()} after ${AS_OF_SHARE * 100} % of the deltaganden`,
    );

    // 2. Project: the application's read models from position 0.
    const head = await store.headPosition();
    const projections = readModelProjections().map((p) => new TimedProjection(p));
    const runner = new ProjectionRunner(store, dataSource, projections, {
      batchSize: BATCH_SIZE,
    });
    const catchUpStart = performance.now();
    const catchUpCpu = process.cpuUsage();
    const applied = await catchUpToHead(runner, store);
    const catchUpMs = performance.now() - catchUpStart;
    const cpu = process.cpuUsage(catchUpCpu);
    const catchUpPerSecond = applied / (catchUpMs / 1000);
    const applyMs = projections.reduce((sum, p) => sum + p.ms, 0);
    console.log(
      `catch-up: ${int(applied)} events in ${(catchUpMs / 1000).toFixed(1)} s = ${int(catchUpPerSecond)} events/s; ` +
        `apply ${projections.map((p) => `${p.name} ${(p.ms / 1000).toFixed(1)} s`).join(', ')}, ` +
        `runner (read, checkpoint, commit) ${((catchUpMs - applyMs) / 1000).toFixed(1)} s; ` +
        `bench process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
    );
    if (applied !== counts.events || runner.position !== head) {
      failed = true;
      console.error(
        `FAILED: applied ${applied} of ${counts.events} events; checkpoint ${runner.position}, head ${head}`,
      );
    }
    // Autovacuum would have analysed the tables, and a checkpoint would have written catch-up's
    // pages, long since in a running service: the reports are timed at that steady state.
    const vacuumStart = performance.now();
    await dataSource.query('VACUUM (ANALYZE)');
    await dataSource.query('CHECKPOINT').catch((error: unknown) => {
      console.log(`  (no CHECKPOINT: ${error instanceof Error ? error.message : String(error)})`);
    });
    console.log(
      `vacuum analyze, checkpoint: ${((performance.now() - vacuumStart) / 1000).toFixed(1)} s`,
    );

    // 3. Report: a full year for the whole förbund, without and with asOf.
    const forbund = { id: dataset.forbundId, namn: 'Bench' };
    // ▼ The report call measured (the one place that knows the statistics API).
    const report = (source: DataSource, asOf?: Date) =>
      new StatistikService(source).report(
        { forbundId: forbund.id, fran: FRAN, till: TILL, asOf },
        forbund,
      );
    const current = await measure(() => report(dataSource));
    // Issue 12: the overview (always there) and the same report over the year before.
    const jamfor = await measure(() =>
      new StatistikService(dataSource).report(
        { forbundId: forbund.id, fran: FRAN, till: TILL },
        forbund,
        { jamfor: 'foregaende' },
      ),
    );
    const asOf = await measure(() => report(dataSource, written.asOfMark));
    const [nu, da] = [await report(dataSource), await report(dataSource, written.asOfMark)];
    console.log(
      `report ${FRAN}…${TILL}, ${nu.insatser.length} insatser: p50 ${ms(current.p50)}, p95 ${ms(current.p95)}, max ${ms(current.max)} (${RUNS} runs)`,
    );
    console.log(
      `report with asOf:            p50 ${ms(asOf.p50)}, p95 ${ms(asOf.p95)}, max ${ms(asOf.max)} (${RUNS} runs)`,
    );
    // The same report as the PDF document (format=pdf), report included, written to nowhere.
    const pdfMs: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      const nowhere = new Writable({ write: (_chunk, _encoding, next) => next() });
      await writePdf(await report(dataSource), {}, nowhere);
      pdfMs.push(performance.now() - start);
    }
    const pdfMax = Math.max(...pdfMs);
    console.log(`report as PDF (format=pdf):  max ${ms(pdfMax)} (3 runs)`);
    for (const mark of [undefined, written.asOfMark]) {
      const timings: QueryTiming[] = [];
      const start = performance.now();
      await report(profiled(dataSource, timings), mark);
      const total = performance.now() - start;
      const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
      console.log(
        `  breakdown${mark ? ' with asOf' : ''}: ${ms(total)} in all; ${timings.length} SQL statements ` +
          `(on two connections side by side), the slowest ${ms(slowest.ms)}: ` +
          timings
            .filter((t) => t.ms >= 1)
            .map((t) => ms(t.ms))
            .join(', '),
      );
      // Each statement that took time: the two that run side by side, alone here.
      for (const timing of args.explain ? timings.filter((t) => t.ms >= 10) : []) {
        const plan: { 'QUERY PLAN': string }[] = await dataSource.query(
          `EXPLAIN (ANALYZE, BUFFERS) ${timing.sql}`,
          timing.params,
        );
        console.log(plan.map((row) => `    ${row['QUERY PLAN']}`).join('\n'));
      }
    }

    // Issue 13: the data-quality view of the whole förbund for the same year, as the API
    // builds it (the query handler, without HTTP), first with no recorded export, then with
    // one full-year export to compare with the same report made now.
    const dq = datakvalitetAsAdmin(dataSource, store, forbund.id);
    const { recorder, admin } = dq;
    const datakvalitet = () => dq.datakvalitet(FRAN, TILL);
    const kvalitet = await measure(datakvalitet);
    // A recorded export is compared through its förbund's row (the dataset writes only events).
    await dataSource.query(
      'INSERT INTO forbund (id, namn) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
      [forbund.id, forbund.namn],
    );
    // As the export records it: the read models' checkpoint read before its report.
    const lasposition = await recorder.lasposition();
    await recorder.record(await report(dataSource, written.asOfMark), admin, {
      fran: FRAN,
      till: TILL,
      asOf: written.asOfMark.toISOString(),
      skydda: false,
      format: 'csv',
      lasposition,
      asOfAngiven: true,
    });
    const kvalitetMedRapport = await measure(datakvalitet);
    const svar = await datakvalitet();
    const lag = svar.insatser.map((i) => i.efterslapning);
    console.log(
      `datakvalitet ${FRAN}…${TILL}, ${svar.insatser.length} insatser: p50 ${ms(kvalitet.p50)}, p95 ${ms(kvalitet.p95)}, max ${ms(kvalitet.max)}; ` +
        `with one recorded export: p50 ${ms(kvalitetMedRapport.p50)}, p95 ${ms(kvalitetMedRapport.p95)} (${RUNS} runs); ` +
        `${int(lag.reduce((sum, e) => sum + e.antal, 0))} registreringar, ` +
        `${int(svar.insatser.reduce((sum, i) => sum + i.vantandeRemisser.antal, 0))} väntande remisser, ` +
        `${int(svar.insatser.reduce((sum, i) => sum + i.inaktivaInskrivna.antal, 0))} inaktiva inskrivna, ` +
        `${int(svar.insatser.reduce((sum, i) => sum + i.personkonflikter.antal, 0))} i personkonflikter, ` +
        `${String(svar.andradeRapporter?.length ?? 0)} ändrade rapporter`,
    );
    {
      const timings: QueryTiming[] = [];
      await datakvalitetAsAdmin(
        dataSource,
        store,
        forbund.id,
        profiled(dataSource, timings),
      ).datakvalitet(FRAN, TILL);
      console.log(
        `  datakvalitet breakdown: ${timings.length} SQL statements of its own: ` +
          timings.map((t) => ms(t.ms)).join(', ') +
          ' (the recorded export is compared apart, not listed)',
      );
      for (const timing of args.explain ? timings.filter((t) => t.ms >= 10) : []) {
        const plan: { 'QUERY PLAN': string }[] = await dataSource.query(
          `EXPLAIN (ANALYZE, BUFFERS) ${timing.sql}`,
          timing.params,
        );
        console.log(plan.map((row) => `    ${row['QUERY PLAN']}`).join('\n'));
      }
    }

    memory.stop();

    // 4. Sanity: the report against the domain's own fold of what was written.
    const t = nu.totalt.deltagare;
    const sane =
      t.aktuella.totalt === expected.aktuella &&
      t.nya.totalt === expected.nya &&
      t.avslutade.totalt === expected.avslutade &&
      nu.totalt.unikaPersoner.totalt === expected.unika.size;
    console.log(
      `sanity: ${int(DELTAGANDEN)} deltaganden, ${int(counts.events)} events; ${FRAN.slice(0, 4)} report: ` +
        `aktuella ${String(t.aktuella.totalt)}, nya ${String(t.nya.totalt)}, avslutade ${String(t.avslutade.totalt)}, ` +
        `unika personer ${String(nu.totalt.unikaPersoner.totalt)} ` +
        (sane
          ? '(= the deciders’ final states)'
          : `(EXPECTED ${expected.aktuella}/${expected.nya}/${expected.avslutade}/${expected.unika.size})`) +
        `; as of asOfMark: aktuella ${String(da.totalt.deltagare.aktuella.totalt)}, ` +
        `nya ${String(da.totalt.deltagare.nya.totalt)}`,
    );
    if (!sane) failed = true;

    // 5. What changed since: after the sanity check, as it adds a month of late changes.
    const andringar = await measureForandringar(store, dataSource, dataset, runner, forbund);

    // 6. Summary.
    const rows: [string, string, string, boolean | null][] = [
      ['events appended/s (8 writers, one append per command)', int(appendedPerSecond), '', null],
      [
        `projection catch-up events/s (batch ${BATCH_SIZE})`,
        int(catchUpPerSecond),
        `≥ ${int(TARGET.catchUpEventsPerSecond)}`,
        catchUpPerSecond >= TARGET.catchUpEventsPerSecond,
      ],
      [
        'full-year report p50 / p95',
        `${ms(current.p50)} / ${ms(current.p95)}`,
        `p95 < ${TARGET.reportP95Ms} ms`,
        current.p95 < TARGET.reportP95Ms,
      ],
      [
        'full-year report with asOf p50 / p95',
        `${ms(asOf.p50)} / ${ms(asOf.p95)}`,
        `p95 < ${TARGET.reportAsOfP95Ms} ms`,
        asOf.p95 < TARGET.reportAsOfP95Ms,
      ],
      ['full-year report as PDF, max of 3', ms(pdfMax), '< 3,000 ms', pdfMax < 3_000],
      [
        'full-year report with oversikt + jamfor p50 / p95',
        `${ms(jamfor.p50)} / ${ms(jamfor.p95)}`,
        `p95 < ${TARGET.reportJamforP95Ms} ms`,
        jamfor.p95 < TARGET.reportJamforP95Ms,
      ],
      [
        `forandringar, full year, a month of ${int(andringar.late)} late changes, p50 / p95`,
        `${ms(andringar.latency.p50)} / ${ms(andringar.latency.p95)}`,
        `p95 < ${int(TARGET.forandringarP95Ms)} ms`,
        andringar.latency.p95 < TARGET.forandringarP95Ms,
      ],
      [
        'datakvalitet (förbund, full year) p50 / p95',
        `${ms(kvalitet.p50)} / ${ms(kvalitet.p95)}`,
        `p95 < ${int(TARGET.datakvalitetP95Ms)} ms`,
        kvalitet.p95 < TARGET.datakvalitetP95Ms,
      ],
      [
        'datakvalitet with one recorded export p50 / p95',
        `${ms(kvalitetMedRapport.p50)} / ${ms(kvalitetMedRapport.p95)}`,
        `p95 < ${int(TARGET.datakvalitetP95Ms)} ms`,
        kvalitetMedRapport.p95 < TARGET.datakvalitetP95Ms,
      ],
      [
        'peak RSS of the bench process',
        mib(memory.peakRss),
        '< 1,024 MiB',
        memory.peakRss < TARGET.peakRssBytes,
      ],
    ];
    const w = [
      Math.max(...rows.map((r) => r[0].length)),
      Math.max(...rows.map((r) => r[1].length)),
      16,
    ];
    console.log(
      `\nsummary (scale ${SCALE}: ${int(DELTAGANDEN)} deltaganden, ${int(counts.events)} events, idag ${IDAG})`,
    );
    console.log(
      `| ${'figure'.padEnd(w[0])} | ${'result'.padEnd(w[1])} | ${'target'.padEnd(w[2])} | met |`,
    );
    console.log(`| ${'-'.repeat(w[0])} | ${'-'.repeat(w[1])} | ${'-'.repeat(w[2])} | --- |`);
    for (const [figure, result, target, met] of rows) {
      console.log(
        `| ${figure.padEnd(w[0])} | ${result.padEnd(w[1])} | ${target.padEnd(w[2])} | ${met === null ? '   ' : met ? 'yes' : 'NO '} |`,
      );
    }
  } finally {
    memory.stop();
    await dataSource.destroy().catch(() => undefined);
    await store.close();
    if (args.keep) console.log(`kept the database: ${database.url}`);
    else await database.drop();
  }
  if (failed) process.exitCode = 1;
};

await main();
