/**
 * Projection catch-up alone, on a population already written (e.g. by
 * `npm run bench:statistik -- --keep` with DATABASE_URL): empties the read models, applies
 * every event again from position 0 and prints events per second, the time per projection and
 * the SQL statements per batch. Repeatable on the same events, so code changes to the
 * projections can be compared back to back without writing the population again. With the
 * server on this machine it also prints the CPU seconds its backends for this database spent
 * (from /proc): on a shared machine CPU time moves far less with the load than wall time does.
 *
 * `--events n` stops after the first n events, to compare code on part of a large population.
 *
 *   node dist/bench/catch-up.js <database url> [--batch 3000] [--runs 1] [--events n]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options.js';
import { PostgresEventStore, type EventStore, type RecordedEvent } from '#event-store';
import {
  DEFAULT_BATCH_SIZE,
  ProjectionRunner,
  readModelProjections,
  type BatchScope,
  type Projection,
} from '#projections';
import { positiveInt } from './bench-support.js';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    batch: { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
    runs: { type: 'string', default: '1' },
    events: { type: 'string' },
  },
});
const url = positionals[0];
if (!url) throw new Error('usage: catch-up.js <database url> [--batch n] [--runs n]');
const BATCH_SIZE = positiveInt('batch', args.batch);
const RUNS = positiveInt('runs', args.runs);
const EVENTS = args.events === undefined ? undefined : positiveInt('events', args.events);

let statements = 0;
/**
 * Per kind of statement (by its first words): wall time from sending it to its answer, and the
 * CPU time its backend spent meanwhile (/proc/<pid>/schedstat, with the server on this
 * machine), which a loaded machine inflates far less than the wall time.
 */
const waited = new Map<string, { calls: number; ms: number; cpuMs: number }>();
const keyOf = (config: unknown): string => {
  const text = typeof config === 'string' ? config : (config as { text?: string })?.text;
  return (text ?? '?').replace(/\s+/g, ' ').trim().slice(0, 60);
};
/** Nanoseconds the process has run on a CPU; 0 where /proc does not show it. */
const cpuNs = (pid: number | undefined): number => {
  if (!pid) return 0;
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return 0;
  }
};
const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
  statements += 1;
  const pid = (this as pg.Client & { processID?: number }).processID;
  const cpuStart = cpuNs(pid);
  const result = query.apply(this, a);
  if (result instanceof Promise) {
    const key = keyOf(a[0]);
    const start = performance.now();
    const done = (): void => {
      const entry = waited.get(key) ?? { calls: 0, ms: 0, cpuMs: 0 };
      entry.calls += 1;
      entry.ms += performance.now() - start;
      entry.cpuMs += (cpuNs(pid) - cpuStart) / 1e6;
      waited.set(key, entry);
    };
    result.then(done, done);
  }
  return result;
} as typeof pg.Client.prototype.query;

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
  async apply(events: readonly RecordedEvent[], tx: EntityManager, batch: BatchScope) {
    const start = performance.now();
    try {
      await this.inner.apply(events, tx, batch);
    } finally {
      this.ms += performance.now() - start;
    }
  }
}

/** CPU seconds each backend serving this database has used so far, by pid; empty if not local. */
const backendCpu = async (dataSource: DataSource): Promise<Map<number, number>> => {
  const rows: { pid: number }[] = await dataSource.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // Not on this machine, or gone.
    }
  }
  return cpu;
};

const store = new PostgresEventStore({ connectionString: url, poolSize: 4 });
/** The store as the runner sees it: with --events, only the first so many events. */
let delivered = 0;
const source: EventStore =
  EVENTS === undefined
    ? store
    : Object.assign(Object.create(store) as EventStore, {
        readAll: async (options: Parameters<EventStore['readAll']>[0]) => {
          const limit = Math.min(options.limit, EVENTS - delivered);
          if (limit <= 0) return [];
          const events = await store.readAll({ ...options, limit });
          delivered += events.length;
          return events;
        },
      });
const dataSource = new DataSource(dataSourceOptions(url));
await dataSource.initialize();
try {
  for (let run = 1; run <= RUNS; run++) {
    const projections = readModelProjections().map((p) => new TimedProjection(p));
    const tables = projections.flatMap((p) => p.tables);
    await dataSource.query(`TRUNCATE ${tables.join(', ')}`);
    await dataSource.query(`DELETE FROM projection_checkpoint`);
    await dataSource.query('CHECKPOINT').catch(() => undefined);
    delivered = 0;
    const runner = new ProjectionRunner(source, dataSource, projections, {
      batchSize: BATCH_SIZE,
    });
    const statementsBefore = statements;
    const serverBefore = await backendCpu(dataSource);
    const start = performance.now();
    const cpu = process.cpuUsage();
    const applied = await runner.catchUp();
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const batches = Math.ceil(applied / BATCH_SIZE);
    const serverAfter = await backendCpu(dataSource);
    const serverCpu = [...serverAfter].reduce(
      (sum, [pid, seconds]) => sum + seconds - (serverBefore.get(pid) ?? 0),
      0,
    );
    console.log(
      `run ${run}: ${applied} events in ${(ms / 1000).toFixed(1)} s = ` +
        `${Math.round(applied / (ms / 1000))} events/s; ` +
        projections.map((p) => `${p.name} ${(p.ms / 1000).toFixed(1)} s`).join(', ') +
        `; runner ${((ms - projections.reduce((s, p) => s + p.ms, 0)) / 1000).toFixed(1)} s; ` +
        `${((statements - statementsBefore) / batches).toFixed(1)} statements/batch ` +
        `(${batches} batches); process CPU ${((used.user + used.system) / 1e6).toFixed(1)} s, ` +
        `server CPU ${serverAfter.size > 0 ? `${serverCpu.toFixed(1)} s` : 'unknown'}`,
    );
    const byCpu = [...waited].sort((a, b) => b[1].cpuMs - a[1].cpuMs || b[1].ms - a[1].ms);
    for (const [key, { calls, ms: total, cpuMs }] of byCpu) {
      if (total >= 100 || cpuMs >= 100) {
        console.log(
          `  ${(total / 1000).toFixed(1)} s (server CPU ${(cpuMs / 1000).toFixed(1)} s) ${calls}× ${key}`,
        );
      }
    }
    waited.clear();
  }
} finally {
  await dataSource.destroy();
  await store.close();
}
