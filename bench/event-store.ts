/**
 * Event store benchmark: durable appends from concurrent writers, then a checkpointed
 * catch-up into a read model, verified exactly-once.
 *
 *   npm run bench:event-store -- [--streams 20000] [--writers 8] [--pool 8] [--batch 3000]
 *
 * Uses DATABASE_URL's server when set (a fresh database is created and dropped on it),
 * otherwise starts an embedded PostgreSQL with durable settings in a temporary directory.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openBenchDatabase, PeakMemory, positiveInt } from './bench-support.js';
import { DataSource, type EntityManager } from 'typeorm';
import { migrateDatabase } from '#platform';
import { MIGRATIONS } from '../apps/api/src/database/data-source-options.js';
import {
  PostgresEventStore,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '#event-store';
import {
  DEFAULT_BATCH_SIZE,
  ProjectionRunner,
  READ_MODEL_ENTITIES,
  type Projection,
} from '#projections';

const EVENTS_PER_STREAM = 5;
/** Event type of the event at each revision of a bench stream. */
const TYPES = [
  'RemissMottagen',
  'DeltagareInskriven',
  'UppfoljningRegistrerad',
  'DeltagareAvslutad',
  'UppfoljningRegistrerad',
] as const;

const { values: args } = parseArgs({
  options: {
    streams: { type: 'string', default: '20000' },
    writers: { type: 'string', default: '8' },
    pool: { type: 'string', default: '8' },
    batch: { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
  },
});
const STREAMS = positiveInt('streams', args.streams);
const WRITERS = positiveInt('writers', args.writers);
const POOL_SIZE = positiveInt('pool', args.pool);
const BATCH_SIZE = positiveInt('batch', args.batch);

const eventAt = (streamIndex: number, revision: number): NewEvent => ({
  type: TYPES[revision]!,
  data: {
    datum: '2025-03-14',
    insatsId: `insats-${streamIndex % 40}`,
    person: {
      kon: streamIndex % 2 === 0 ? 'kvinna' : 'man',
      fodelsear: 1980 + (streamIndex % 40),
      kommun: '0180',
    },
    forsorjning: ['forsorjningsstod'],
  },
  metadata: {
    userId: `user-${streamIndex % 25}`,
    correlationId: randomUUID(),
    causationId: randomUUID(),
  },
});

/** Each writer owns every WRITERS-th stream and advances its streams one revision per round. */
const writeAll = async (store: EventStore): Promise<void> => {
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let revision = 0; revision < EVENTS_PER_STREAM; revision++) {
        for (let stream = writer; stream < STREAMS; stream += WRITERS) {
          await store.appendToStream(`deltagande-${stream}`, [eventAt(stream, revision)], {
            expectedRevision: revision === 0 ? 'no-stream' : revision - 1,
          });
        }
      }
    }),
  );
};

export interface CatchUpResult {
  readonly events: number;
  readonly checkpoint: number;
  readonly outOfOrder: number;
}

/** The bench read model: events per stream and per type, upserted in bulk per batch. */
class EventCountProjection implements Projection {
  readonly name = 'bench-event-count';
  readonly handles = new Set<string>(TYPES);
  events = 0;
  readonly tables = ['bench_stream_event_count', 'bench_type_event_count'];
  outOfOrder = 0;
  private last = 0;

  async apply(batch: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const event of batch) {
      if (event.position <= this.last) this.outOfOrder++;
      this.last = event.position;
    }
    await tx.query(
      `INSERT INTO bench_stream_event_count AS t (stream_id, n)
       SELECT stream_id, count(*) FROM unnest($1::text[]) AS e(stream_id) GROUP BY stream_id
       ON CONFLICT (stream_id) DO UPDATE SET n = t.n + excluded.n`,
      [batch.map((e) => e.streamId)],
    );
    await tx.query(
      `INSERT INTO bench_type_event_count AS t (type, n)
       SELECT type, count(*) FROM unnest($1::text[]) AS e(type) GROUP BY type
       ON CONFLICT (type) DO UPDATE SET n = t.n + excluded.n`,
      [batch.map((e) => e.type)],
    );
    // Counted only once the batch's transaction is sure to commit (it throws otherwise).
    this.events += batch.length;
  }
}

/** The read side: the application's projection runner, from position 0 to the head. */
export const catchUpReadModel = async (
  store: EventStore,
  url: string,
  batchSize: number,
): Promise<CatchUpResult> => {
  const dataSource = new DataSource({ type: 'postgres', url, entities: READ_MODEL_ENTITIES });
  await dataSource.initialize();
  try {
    await dataSource.query(`
      CREATE TABLE bench_stream_event_count (stream_id text PRIMARY KEY, n integer NOT NULL);
      CREATE TABLE bench_type_event_count (type text PRIMARY KEY, n integer NOT NULL);`);
    const projection = new EventCountProjection();
    const runner = new ProjectionRunner(store, dataSource, [projection], {
      name: 'bench',
      batchSize,
    });
    await runner.catchUp();
    return {
      events: projection.events,
      checkpoint: runner.position,
      outOfOrder: projection.outOfOrder,
    };
  } finally {
    await dataSource.destroy();
  }
};

const verify = async (pool: pg.Pool, result: CatchUpResult, head: number): Promise<string[]> => {
  const problems: string[] = [];
  const total = STREAMS * EVENTS_PER_STREAM;
  if (result.events !== total)
    problems.push(`caught up ${result.events} events, expected ${total}`);
  if (result.outOfOrder !== 0) problems.push(`${result.outOfOrder} events out of position order`);
  if (result.checkpoint !== head)
    problems.push(`checkpoint ${result.checkpoint} is not the head ${head}`);
  const streams = await pool.query<{ streams: number; events: number; min: number; max: number }>(
    `SELECT count(*)::int AS streams, coalesce(sum(n), 0)::int AS events,
            coalesce(min(n), 0) AS min, coalesce(max(n), 0) AS max
     FROM bench_stream_event_count`,
  );
  const s = streams.rows[0]!;
  if (
    s.streams !== STREAMS ||
    s.events !== total ||
    s.min !== EVENTS_PER_STREAM ||
    s.max !== EVENTS_PER_STREAM
  ) {
    problems.push(`read model per stream: ${JSON.stringify(s)}`);
  }
  const expectedTypes = new Map<string, number>();
  for (const type of TYPES) expectedTypes.set(type, (expectedTypes.get(type) ?? 0) + STREAMS);
  const types = await pool.query<{ type: string; n: number }>(
    'SELECT type, n FROM bench_type_event_count',
  );
  const actualTypes = new Map(types.rows.map((r) => [r.type, r.n]));
  for (const [type, n] of expectedTypes) {
    if (actualTypes.get(type) !== n)
      problems.push(`type ${type}: ${actualTypes.get(type) ?? 0}, expected ${n}`);
  }
  if (actualTypes.size !== expectedTypes.size)
    problems.push(`types: ${[...actualTypes.keys()].join(', ')}`);
  return problems;
};

const main = async (): Promise<void> => {
  const memory = new PeakMemory();
  const database = await openBenchDatabase('bench_event_store', process.env.DATABASE_URL);
  const { url } = database;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const store = new PostgresEventStore({ connectionString: url, poolSize: POOL_SIZE });
  let failed = false;
  try {
    await migrateDatabase(url, MIGRATIONS);
    const settings = await pool.query<{ fsync: string; synchronous_commit: string }>(
      `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit`,
    );
    const total = STREAMS * EVENTS_PER_STREAM;
    console.log(
      `${STREAMS} streams × ${EVENTS_PER_STREAM} events, ${WRITERS} writers, pool ${POOL_SIZE}, ` +
        `fsync=${settings.rows[0]!.fsync} synchronous_commit=${settings.rows[0]!.synchronous_commit}`,
    );

    const writeStart = performance.now();
    await writeAll(store);
    const writeSeconds = (performance.now() - writeStart) / 1000;
    console.log(
      `append: ${total} appends in ${writeSeconds.toFixed(2)} s = ${Math.round(total / writeSeconds)} appends/s`,
    );

    const head = await store.headPosition();
    const readStart = performance.now();
    const result = await catchUpReadModel(store, url, BATCH_SIZE);
    const readSeconds = (performance.now() - readStart) / 1000;
    console.log(
      `catch-up: ${result.events} events in ${readSeconds.toFixed(2)} s = ${Math.round(result.events / readSeconds)} events/s (batch ${BATCH_SIZE})`,
    );

    const problems = await verify(pool, result, head);
    memory.stop();
    console.log(`peak rss: ${Math.round(memory.peakRss / 1024 / 1024)} MiB`);
    if (problems.length > 0) {
      failed = true;
      for (const problem of problems) console.error(`FAILED: ${problem}`);
    } else {
      console.log(`verified: every one of ${total} events applied exactly once, in position order`);
    }
  } finally {
    memory.stop();
    await store.close();
    await pool.end();
    await database.drop();
  }
  if (failed) process.exitCode = 1;
};

await main();
