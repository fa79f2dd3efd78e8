import pg from 'pg';

/**
 * Numbering: an event's position is `transaction id * POSITIONS_PER_TRANSACTION + its index
 * among the events that transaction appended`. See postgres-event-store.ts for why.
 */
export const POSITIONS_PER_TRANSACTION = 4096;

/**
 * The transaction-level advisory lock key of a guarded stream, as an SQL expression of the
 * text expression `streamId`: the guard function's shared lock, `exclusively`'s exclusive one.
 */
export const GUARD_LOCK_KEY = (streamId: string): string =>
  `hashtextextended('event-store-guard:' || ${streamId}, 0)`;

/** Schema steps in order; step i brings the schema to version i + 1. Never edit a shipped step. */
const SCHEMA_STEPS: readonly string[] = [
  `CREATE TABLE streams (
     stream_id text PRIMARY KEY,
     revision bigint NOT NULL CHECK (revision >= 0)
   );
   CREATE TABLE events (
     position bigint PRIMARY KEY,
     transaction_id xid8 NOT NULL,
     stream_id text NOT NULL,
     revision bigint NOT NULL,
     type text NOT NULL,
     data jsonb NOT NULL,
     metadata jsonb NOT NULL,
     recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
     CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision),
     -- A transaction that appended more than its block would spill into the next one's numbers.
     CONSTRAINT events_position_in_transaction_block
       CHECK (position / ${POSITIONS_PER_TRANSACTION} = transaction_id::text::bigint)
   );`,
  /*
   * An append's guard (AppendGuard): may the append go ahead while `guard_stream` is at
   * `guard_revision`? It takes a shared transaction lock on the guard stream without waiting
   * (an exclusive holder, `exclusively`, makes it false at once) and then reads the stream's
   * revision. VOLATILE and PL/pgSQL, so the read takes a snapshot of its own after the lock is
   * held: a statement's snapshot from before could miss a holder's commit that ended just
   * before. Called from the append statement itself, so it costs no round trip.
   */
  `CREATE FUNCTION event_store_guard(guard_stream text, guard_revision bigint)
   RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
   DECLARE
     current_revision bigint;
   BEGIN
     IF NOT pg_try_advisory_xact_lock_shared(${GUARD_LOCK_KEY('guard_stream')}) THEN
       RETURN false;
     END IF;
     SELECT revision INTO current_revision FROM streams WHERE stream_id = guard_stream;
     RETURN current_revision IS NOT DISTINCT FROM guard_revision;
   END
   $$;`,
];

/** Serialises concurrent migrations (several app instances starting at once). */
const MIGRATION_LOCK_KEY = 0x6576_656e_7473; // "events"

type Migratable = pg.Pool | pg.ClientBase;

/**
 * Creates or upgrades the event store tables. Idempotent: a database already at the current
 * version is left untouched. Pass a pool or a client that is not inside a transaction.
 */
export const migrateEventStore = async (db: Migratable): Promise<void> => {
  const client = db instanceof pg.Pool ? await db.connect() : db;
  try {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      await client.query(
        `CREATE TABLE IF NOT EXISTS event_store_schema_version (
           version integer PRIMARY KEY,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const { rows } = await client.query<{ version: number }>(
        'SELECT coalesce(max(version), 0) AS version FROM event_store_schema_version',
      );
      const current = rows[0]!.version;
      if (current > SCHEMA_STEPS.length) {
        throw new Error(
          `Event store schema is at version ${current}, newer than this code (${SCHEMA_STEPS.length})`,
        );
      }
      for (let version = current + 1; version <= SCHEMA_STEPS.length; version++) {
        await client.query(SCHEMA_STEPS[version - 1]!);
        await client.query('INSERT INTO event_store_schema_version (version) VALUES ($1)', [
          version,
        ]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    if (client !== db) (client as pg.PoolClient).release();
  }
};

/** The schema version this code expects, for health checks. */
export const EVENT_STORE_SCHEMA_VERSION = SCHEMA_STEPS.length;
