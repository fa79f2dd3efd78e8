/**
 * Projection catch-up alone, on a population already written (e.g. by
 * `npm run bench:statistik -- --keep` with DATABASE_URL): empties the read models, applies
 * every event again from position 0 and prints events per second, the time per projection and
 * the SQL statements per batch. Repeatable on the same events, so code changes to the
 * projections can be compared back to back without writing the population again.
 *
 *   node dist/bench/catch-up.js <database url> [--batch 3000] [--runs 1]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options.js';
import { PostgresEventStore, type RecordedEvent } from '#event-store';
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
  },
});
const url = positionals[0];
if (!url) throw new Error('usage: catch-up.js <database url> [--batch n] [--runs n]');
const BATCH_SIZE = positiveInt('batch', args.batch);
const RUNS = positiveInt('runs', args.runs);

let statements = 0;
/** Wall time from sending each kind of statement to its answer, by its first words. */
const waited = new Map<string, { calls: number; ms: number }>();
const keyOf = (config: unknown): string => {
  const text = typeof config === 'string' ? config : (config as { text?: string })?.text;
  return (text ?? '?').replace(/\s+/g, ' ').trim().slice(0, 60);
};
const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
  statements += 1;
  const result = query.apply(this, a);
  if (result instanceof Promise) {
    const key = keyOf(a[0]);
    const start = performance.now();
    const done = (): void => {
      const entry = waited.get(key) ?? { calls: 0, ms: 0 };
      entry.calls += 1;
      entry.ms += performance.now() - start;
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

const store = new PostgresEventStore({ connectionString: url, poolSize: 4 });
const dataSource = new DataSource(dataSourceOptions(url));
await dataSource.initialize();
try {
  for (let run = 1; run <= RUNS; run++) {
    const projections = readModelProjections().map((p) => new TimedProjection(p));
    const tables = projections.flatMap((p) => p.tables);
    await dataSource.query(`TRUNCATE ${tables.join(', ')}`);
    await dataSource.query(`DELETE FROM projection_checkpoint`);
    await dataSource.query('CHECKPOINT').catch(() => undefined);
    const runner = new ProjectionRunner(store, dataSource, projections, {
      batchSize: BATCH_SIZE,
    });
    const statementsBefore = statements;
    const start = performance.now();
    const cpu = process.cpuUsage();
    const applied = await runner.catchUp();
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const batches = Math.ceil(applied / BATCH_SIZE);
    console.log(
      `run ${run}: ${applied} events in ${(ms / 1000).toFixed(1)} s = ` +
        `${Math.round(applied / (ms / 1000))} events/s; ` +
        projections.map((p) => `${p.name} ${(p.ms / 1000).toFixed(1)} s`).join(', ') +
        `; runner ${((ms - projections.reduce((s, p) => s + p.ms, 0)) / 1000).toFixed(1)} s; ` +
        `${((statements - statementsBefore) / batches).toFixed(1)} statements/batch ` +
        `(${batches} batches); process CPU ${((used.user + used.system) / 1e6).toFixed(1)} s`,
    );
    for (const [key, { calls, ms: total }] of [...waited].sort((a, b) => b[1].ms - a[1].ms)) {
      if (total >= 100) console.log(`  ${(total / 1000).toFixed(1)} s ${calls}× ${key}`);
    }
    waited.clear();
  }
} finally {
  await dataSource.destroy();
  await store.close();
}
