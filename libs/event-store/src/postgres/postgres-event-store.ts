import pg from 'pg';
import { LossTolerantClient } from './loss-tolerant-client.js';
import { assertValidAppend, assertValidAppends } from '../append-rules.js';
import {
  ConcurrencyError,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExclusiveAppender,
  type FollowOptions,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
  type StreamAppend,
} from '../event-store.js';
import { AppendSignal, followByPolling } from '../follow-by-polling.js';
import { GUARD_LOCK_KEY, POSITIONS_PER_TRANSACTION as BLOCK } from './event-store-schema.js';

/*
 * Why positions come from transaction ids.
 * A sequence hands out numbers when rows are inserted, but transactions commit in any order:
 * a reader can see position 11 committed while 10 is still in flight, move its checkpoint to
 * 11 and never see 10. So an event's position is `xid8 * BLOCK + index`, and readAll only
 * returns positions below `pg_snapshot_xmin(pg_current_snapshot()) * BLOCK`: every
 * transaction below the oldest one still running has committed or aborted, so nothing can
 * ever appear below that bound again, and position order is the safe reading order.
 * A reader must not itself hold a transaction id (run reads outside write transactions),
 * and one long write transaction anywhere on the server holds every reader back until it ends.
 */

type Queryable = pg.Pool | pg.ClientBase;

interface AppendedRow {
  position: string;
  revision: string;
}

interface EventRow {
  position: string;
  stream_id: string;
  revision: string;
  type: string;
  data: Record<string, unknown>;
  metadata: RecordedEvent['metadata'];
  recorded_at: Date;
}

const EVENT_COLUMNS = 'position, stream_id, revision, type, data, metadata, recorded_at';

/**
 * One statement per append: the CTE moves the stream's revision only if it is still the
 * expected one (the row lock makes a concurrent writer re-check and miss), and the events are
 * inserted only if that happened. Positions continue after whatever this transaction appended
 * before, so several appends may share one transaction.
 */
const appendStatement = (streamUpdate: string, countParam: string, eventsParam: string): string => `
  WITH stream AS (${streamUpdate}),
  block AS (
    SELECT pg_current_xact_id() AS transaction_id,
           pg_current_xact_id()::text::bigint * ${BLOCK} AS first_position
  ),
  taken AS (
    SELECT count(*) AS n FROM events, block
    WHERE events.position >= block.first_position
      AND events.position < block.first_position + ${BLOCK}
  )
  INSERT INTO events (position, transaction_id, stream_id, revision, type, data, metadata, recorded_at)
  SELECT block.first_position + taken.n + e.i - 1, block.transaction_id, $1,
         stream.revision - ${countParam} + e.i, e.value->>'type', e.value->'data', e.value->'metadata',
         coalesce((e.value->>'recordedAt')::timestamptz, clock_timestamp())
  FROM stream, block, taken, jsonb_array_elements(${eventsParam}::jsonb) WITH ORDINALITY AS e(value, i)
  RETURNING position, revision`;

/** The condition of an append's guard, if it has one, on the guard's parameters. */
const guardCondition = (first: number | undefined): string =>
  first === undefined ? 'true' : `event_store_guard($${first}, $${first + 1}::bigint)`;

const appendAtRevision = (guardParam?: number): string =>
  appendStatement(
    `UPDATE streams SET revision = revision + $3::int
     WHERE stream_id = $1 AND revision = $2::bigint AND ${guardCondition(guardParam)}
     RETURNING revision`,
    '$3::int',
    '$4',
  );
const appendNoStream = (guardParam?: number): string =>
  appendStatement(
    `INSERT INTO streams (stream_id, revision) SELECT $1, $2::int - 1
     WHERE ${guardCondition(guardParam)}
     ON CONFLICT (stream_id) DO NOTHING RETURNING revision`,
    '$2::int',
    '$3',
  );
const appendAny = (guardParam?: number): string =>
  appendStatement(
    `INSERT INTO streams (stream_id, revision) SELECT $1, $2::int - 1
     WHERE ${guardCondition(guardParam)}
     ON CONFLICT (stream_id) DO UPDATE SET revision = streams.revision + $2::int
     RETURNING revision`,
    '$2::int',
    '$3',
  );

const STATEMENTS = {
  atRevision: { name: 'event-store.append-at-revision', text: appendAtRevision() },
  noStream: { name: 'event-store.append-no-stream', text: appendNoStream() },
  any: { name: 'event-store.append-any', text: appendAny() },
};
const GUARDED_STATEMENTS = {
  atRevision: { name: 'event-store.append-at-revision-guarded', text: appendAtRevision(5) },
  noStream: { name: 'event-store.append-no-stream-guarded', text: appendNoStream(4) },
  any: { name: 'event-store.append-any-guarded', text: appendAny(4) },
};

const appendQuery = (
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions,
): pg.QueryConfig => {
  const payload = JSON.stringify(
    events.map((event) => ({
      type: event.type,
      data: event.data,
      metadata: event.metadata,
      // Absent (undefined drops out of the JSON) unless copying: then the database clock stamps it.
      recordedAt: event.recordedAt?.toISOString(),
    })),
  );
  const { expectedRevision: expected, guard } = options;
  const statements = guard ? GUARDED_STATEMENTS : STATEMENTS;
  const guardValues = guard ? [guard.streamId, guard.revision] : [];
  if (expected === 'no-stream') {
    return { ...statements.noStream, values: [streamId, events.length, payload, ...guardValues] };
  }
  if (expected === 'any') {
    return { ...statements.any, values: [streamId, events.length, payload, ...guardValues] };
  }
  return {
    ...statements.atRevision,
    values: [streamId, expected, events.length, payload, ...guardValues],
  };
};

const readRevision = async (db: Queryable, streamId: string): Promise<number | 'no-stream'> => {
  const { rows } = await db.query<{ revision: string }>({
    name: 'event-store.stream-revision',
    text: 'SELECT revision FROM streams WHERE stream_id = $1',
    values: [streamId],
  });
  return rows.length === 0 ? 'no-stream' : Number(rows[0]!.revision);
};

/**
 * Appends through the given pool or client, with the adapter's own statement. On a client
 * inside BEGIN the events become readable when that transaction commits; a conflict found by
 * the revision check throws ConcurrencyError, other PostgreSQL errors propagate as they are.
 */
export const appendInTransaction = async (
  db: Queryable,
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions,
): Promise<AppendResult> => {
  assertValidAppend(streamId, events, options.expectedRevision);
  const { rows } = await db.query<AppendedRow>(appendQuery(streamId, events, options));
  if (rows.length === 0) {
    const actual = await readRevision(db, streamId);
    const { expectedRevision: expected, guard } = options;
    const streamAsExpected =
      expected === 'any' ||
      expected === actual ||
      (expected === 'no-stream' && actual === 'no-stream');
    if (guard && streamAsExpected) {
      throw new ConcurrencyError(
        guard.streamId,
        guard.revision,
        await readRevision(db, guard.streamId),
      );
    }
    throw new ConcurrencyError(streamId, expected, actual);
  }
  let revision = -1;
  let position = -1;
  for (const row of rows) {
    revision = Math.max(revision, Number(row.revision));
    position = Math.max(position, Number(row.position));
  }
  return { revision, position };
};

/**
 * Every stream and every event in one statement: the streams rows (a stream that exists, or
 * that a concurrent transaction creates, fails the statement with a unique violation: the
 * caller rolls back and names it), then the events, numbered on after this transaction's
 * others. Each column travels as an array of its own, zipped by ROWS FROM, and only data and
 * metadata as JSON (one array each): the server parses every event's JSON once and takes
 * nothing apart again. A payload of nested documents (`->'events'`, `->'data'` per row, a
 * window to number them) cost the backend 54–68 µs of CPU per imported event, this 38–40
 * (1,365 new streams of 1–3 events per transaction). The positions follow from the first
 * one, so nothing comes back per event.
 */
const CREATE_STREAMS = `
  WITH created AS (
    INSERT INTO streams (stream_id, revision)
    SELECT * FROM unnest($1::text[], $2::bigint[])
  ),
  block AS (
    SELECT pg_current_xact_id() AS transaction_id,
           pg_current_xact_id()::text::bigint * ${BLOCK} AS first_position
  ),
  taken AS (
    SELECT count(*) AS n FROM events, block
    WHERE events.position >= block.first_position
      AND events.position < block.first_position + ${BLOCK}
  ),
  inserted AS (
    INSERT INTO events (position, transaction_id, stream_id, revision, type, data, metadata, recorded_at)
    SELECT block.first_position + taken.n + e.i - 1, block.transaction_id, e.stream_id,
           e.revision, e.type, e.data, e.metadata, coalesce(e.recorded_at, clock_timestamp())
    FROM block, taken,
         ROWS FROM (unnest($3::text[]), unnest($4::bigint[]), unnest($5::text[]),
                    jsonb_array_elements($6::jsonb), jsonb_array_elements($7::jsonb),
                    unnest($8::timestamptz[]))
           WITH ORDINALITY AS e(stream_id, revision, type, data, metadata, recorded_at, i)
  )
  SELECT block.first_position + taken.n AS first_position FROM block, taken`;

/** Creates many new streams inside the client's transaction, with one statement. */
const createStreams = async (
  client: pg.ClientBase,
  appends: readonly StreamAppend[],
): Promise<AppendResult[]> => {
  const streamIds: string[] = [];
  const lastRevisions: number[] = [];
  const eventStreams: string[] = [];
  const revisions: number[] = [];
  const types: string[] = [];
  const data: Record<string, unknown>[] = [];
  const metadata: NewEvent['metadata'][] = [];
  const recordedAt: (string | null)[] = [];
  for (const { streamId, events } of appends) {
    streamIds.push(streamId);
    lastRevisions.push(events.length - 1);
    for (let revision = 0; revision < events.length; revision++) {
      const event = events[revision]!;
      eventStreams.push(streamId);
      revisions.push(revision);
      types.push(event.type);
      data.push(event.data);
      metadata.push(event.metadata);
      // Null unless copying: then the database clock stamps it.
      recordedAt.push(event.recordedAt?.toISOString() ?? null);
    }
  }
  const { rows } = await client.query<{ first_position: string }>({
    name: 'event-store.create-streams',
    text: CREATE_STREAMS,
    values: [
      streamIds,
      lastRevisions,
      eventStreams,
      revisions,
      types,
      JSON.stringify(data),
      JSON.stringify(metadata),
      recordedAt,
    ],
  });
  // The i-th event given (from 0) is at first_position + i, as the statement numbers them.
  let position = Number(rows[0]!.first_position) - 1;
  return appends.map(({ events }) => {
    position += events.length;
    return { revision: events.length - 1, position };
  });
};

/**
 * After a batch of new streams failed on a unique violation (and was rolled back): the first
 * of its streams that exists, to name in the ConcurrencyError.
 */
const existingStream = async (
  db: Queryable,
  appends: readonly StreamAppend[],
): Promise<{ streamId: string; revision: number } | undefined> => {
  const { rows } = await db.query<{ stream_id: string; revision: string }>({
    name: 'event-store.existing-streams',
    text: 'SELECT stream_id, revision FROM streams WHERE stream_id = ANY($1::text[])',
    values: [appends.map((append) => append.streamId)],
  });
  const found = new Map(rows.map((row) => [row.stream_id, Number(row.revision)]));
  const taken = appends.find((append) => found.has(append.streamId));
  return taken && { streamId: taken.streamId, revision: found.get(taken.streamId)! };
};

/** PostgreSQL error codes that mean another writer got there first. */
const CONFLICT_CODES = new Set([
  '23505', // unique_violation: (stream_id, revision) or the streams row already taken
  '40001', // serialization_failure, under a stricter default isolation level
]);

const isConflict = (error: unknown): boolean =>
  error instanceof Error && CONFLICT_CODES.has((error as Error & { code?: string }).code ?? '');

const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  streamId: row.stream_id,
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  revision: Number(row.revision),
  position: Number(row.position),
  recordedAt: row.recorded_at,
});

export type PostgresEventStoreOptions =
  | pg.Pool
  | {
      readonly connectionString: string;
      /** Connections in the store's own pool; default 10. */
      readonly poolSize?: number;
      /** Receives errors of idle pooled connections (which would otherwise crash the process). */
      readonly log?: (message: string, error: unknown) => void;
    };

/** The event store on PostgreSQL. Run `migrateEventStore` on the database first. */
export class PostgresEventStore implements EventStore {
  private readonly pool: pg.Pool;
  /** Only a pool the store created is ended by close(). */
  private readonly ownsPool: boolean;
  private readonly appendSignal = new AppendSignal();
  private readonly closing = new AbortController();

  constructor(options: PostgresEventStoreOptions) {
    if (options instanceof pg.Pool) {
      this.pool = options;
      this.ownsPool = false;
    } else {
      this.pool = new pg.Pool({
        connectionString: options.connectionString,
        max: options.poolSize ?? 10,
        application_name: 'deltagarflode-event-store',
        Client: LossTolerantClient,
      });
      const log = options.log ?? (() => undefined);
      this.pool.on('error', (error) => log('Idle event store connection failed', error));
      this.ownsPool = true;
    }
  }

  /** Creates the store and checks that the database answers and has the event store tables. */
  static async create(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    try {
      await store.pool.query('SELECT 1 FROM events LIMIT 0');
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    let result: AppendResult;
    try {
      result = await appendInTransaction(this.pool, streamId, events, options);
    } catch (error) {
      if (!isConflict(error)) throw error;
      throw new ConcurrencyError(
        streamId,
        options.expectedRevision,
        await readRevision(this.pool, streamId),
      );
    }
    this.appendSignal.appended(result.position);
    return result;
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    assertValidAppends(appends);
    const client = await this.pool.connect();
    let results: AppendResult[];
    let current: StreamAppend | undefined;
    const allNew = appends.every((append) => append.expectedRevision === 'no-stream');
    try {
      await client.query('BEGIN');
      if (allNew) {
        results = await createStreams(client, appends);
      } else {
        results = [];
        for (const append of appends) {
          current = append;
          results.push(
            await appendInTransaction(client, append.streamId, append.events, {
              expectedRevision: append.expectedRevision,
            }),
          );
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      if (error instanceof ConcurrencyError || !isConflict(error)) throw error;
      if (allNew) {
        const taken = await existingStream(this.pool, appends);
        if (!taken) throw error;
        throw new ConcurrencyError(taken.streamId, 'no-stream', taken.revision);
      }
      if (!current) throw error;
      throw new ConcurrencyError(
        current.streamId,
        current.expectedRevision,
        await readRevision(this.pool, current.streamId),
      );
    }
    client.release();
    this.appendSignal.appended(Math.max(...results.map((r) => r.position)));
    return results;
  }

  /**
   * One transaction on one connection: an exclusive transaction lock on the stream's guard
   * key (waiting only for guarded appends under way, each a single statement), `work`, commit.
   * The transaction gets an id only when `work` appends, so waiting inside it (for the read
   * models) holds no reader back.
   */
  async exclusively<T>(
    streamId: string,
    work: (appender: ExclusiveAppender) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    let last = -1;
    let result: T;
    try {
      await client.query('BEGIN');
      await client.query({
        name: 'event-store.hold-exclusively',
        text: `SELECT pg_advisory_xact_lock(${GUARD_LOCK_KEY('$1::text')})`,
        values: [streamId],
      });
      result = await work({
        appendToStream: async (id, events, options) => {
          const appended = await appendInTransaction(client, id, events, {
            expectedRevision: options.expectedRevision,
          }).catch(async (error: unknown) => {
            if (!isConflict(error)) throw error;
            throw new ConcurrencyError(
              id,
              options.expectedRevision,
              await readRevision(this.pool, id),
            );
          });
          last = Math.max(last, appended.position);
          return appended;
        },
      });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw error;
    }
    client.release();
    if (last >= 0) this.appendSignal.appended(last);
    return result;
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>({
      name: 'event-store.read-stream',
      text: `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY revision`,
      values: [streamId],
    });
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>({
      name: 'event-store.read-all',
      text: `SELECT ${EVENT_COLUMNS} FROM events
             WHERE position > $1::bigint
               AND position < pg_snapshot_xmin(pg_current_snapshot())::text::bigint * ${BLOCK}
             ORDER BY position LIMIT $2::int`,
      values: [Math.floor(options.after), options.limit],
    });
    return rows.map(toRecordedEvent);
  }

  follow(options: FollowOptions): AsyncIterable<RecordedEvent[]> {
    const signal = AbortSignal.any([options.signal, this.closing.signal]);
    return followByPolling((o) => this.readAll(o), this.appendSignal, { ...options, signal });
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.pool.query<{ position: string }>({
      name: 'event-store.head-position',
      text: 'SELECT coalesce(max(position), 0) AS position FROM events',
    });
    return Number(rows[0]!.position);
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    if (this.ownsPool) await this.pool.end();
  }
}
