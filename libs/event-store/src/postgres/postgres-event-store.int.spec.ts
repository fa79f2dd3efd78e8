import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import {
  describeEventStoreContract,
  followUntil,
  newEvent,
  readAllUpToHead,
} from '../contract/event-store.contract.js';
import { ConcurrencyError, type RecordedEvent } from '../event-store.js';
import { migrateEventStore } from './event-store-schema.js';
import { appendInTransaction, PostgresEventStore } from './postgres-event-store.js';

let db: TestDatabase;
let admin: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase();
  admin = new pg.Pool({ connectionString: db.url, max: 2 });
  await migrateEventStore(admin);
});

afterAll(async () => {
  await admin.end();
  await db.drop();
});

const emptyStore = async (): Promise<PostgresEventStore> => {
  await admin.query('TRUNCATE events, streams');
  return PostgresEventStore.create({ connectionString: db.url, poolSize: 10 });
};

describeEventStoreContract('PostgresEventStore', async () => {
  const store = await emptyStore();
  return { store, cleanup: () => store.close() };
});

describe('PostgresEventStore', () => {
  let store: PostgresEventStore;
  const clients: pg.Client[] = [];

  const connect = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    store = await emptyStore();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) await client.end();
    await store.close();
  });

  it('never lets a reader skip a transaction that took its position first but commits later', async () => {
    const writerA = await connect();
    await writerA.query('BEGIN');
    const a = await appendInTransaction(writerA, 'deltagande-a', [newEvent('RemissMottagen')], {
      expectedRevision: 'no-stream',
    });
    const b = await store.appendToStream('deltagande-b', [newEvent('RemissMottagen')], {
      expectedRevision: 'no-stream',
    });
    // The hazard is real: B is committed and visible while A, positioned before it, is not.
    const visible = await admin.query<{ stream_id: string }>('SELECT stream_id FROM events');
    expect(a.position).toBeLessThan(b.position);
    expect(visible.rows.map((r) => r.stream_id)).toEqual(['deltagande-b']);

    const beforeCommit = await store.readAll({ after: 0, limit: 100 });
    const checkpoint = beforeCommit.at(-1)?.position ?? 0;
    await writerA.query('COMMIT');
    const fromCheckpoint = await readAllUpToHead(store, checkpoint);
    const everything = await readAllUpToHead(store, 0);

    expect(beforeCommit).toEqual([]);
    expect(fromCheckpoint.map((e) => e.streamId)).toEqual(['deltagande-a', 'deltagande-b']);
    expect(everything.map((e) => [e.streamId, e.position])).toEqual([
      ['deltagande-a', a.position],
      ['deltagande-b', b.position],
    ]);
  });

  it('delivers every event exactly once, in increasing order, to a follower while 8 writers append concurrently', async () => {
    const writers = 8;
    const appendsPerWriter = 40;
    // Half the writers hold their transaction open for a moment after appending, as a slow
    // commit would, so transactions keep committing out of position order.
    const slowWriters = await Promise.all(Array.from({ length: writers / 2 }, () => connect()));
    const follower = await PostgresEventStore.create({ connectionString: db.url, poolSize: 2 });
    try {
      const following = followUntil(follower, {
        after: 0,
        limit: 25,
        count: writers * appendsPerWriter,
        timeoutMs: 10_000,
        pollIntervalMs: 2,
      });
      const appended = await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          const slow = writer % 2 === 1 ? slowWriters[(writer - 1) / 2]! : undefined;
          const positions: number[] = [];
          for (let revision = 0; revision < appendsPerWriter; revision++) {
            const streamId = `deltagande-${writer}`;
            const events = [newEvent('UppfoljningRegistrerad', { writer, revision })];
            const expectedRevision = revision === 0 ? 'no-stream' : revision - 1;
            if (slow) {
              await slow.query('BEGIN');
              const result = await appendInTransaction(slow, streamId, events, {
                expectedRevision,
              });
              await new Promise((resolve) => setTimeout(resolve, (revision % 3) + 1));
              await slow.query('COMMIT');
              positions.push(result.position);
            } else {
              positions.push(
                (await store.appendToStream(streamId, events, { expectedRevision })).position,
              );
            }
          }
          return positions;
        }),
      );

      const { batches, timedOut } = await following;
      const received = batches.flat().map((e) => e.position);

      expect(timedOut).toBe(false);
      expect(received).toEqual(appended.flat().sort((x, y) => x - y));
      expect(new Set(received).size).toBe(writers * appendsPerWriter);
    } finally {
      await follower.close();
    }
  });

  it('numbers several appends in one transaction consecutively and makes them readable at commit', async () => {
    const writer = await connect();
    await writer.query('BEGIN');
    const first = await appendInTransaction(
      writer,
      'insats-1',
      [newEvent('InsatsSkapad'), newEvent('ArsmalSatt')],
      {
        expectedRevision: 'no-stream',
      },
    );
    const second = await appendInTransaction(writer, 'insats-2', [newEvent('InsatsSkapad')], {
      expectedRevision: 'no-stream',
    });
    const beforeCommit = await store.readAll({ after: 0, limit: 10 });
    await writer.query('COMMIT');

    const events = await readAllUpToHead(store);

    expect(beforeCommit).toEqual([]);
    expect(second.position).toBe(first.position + 1);
    expect(events.map((e) => [e.streamId, e.revision, e.position])).toEqual([
      ['insats-1', 0, first.position - 1],
      ['insats-1', 1, first.position],
      ['insats-2', 0, second.position],
    ]);
  });

  it('refuses a transaction that appends more than 4096 events in total', async () => {
    const writer = await connect();
    await writer.query('BEGIN');
    await appendInTransaction(
      writer,
      'volym-1',
      Array.from({ length: 4096 }, () => newEvent('VolymRegistrerad')),
      {
        expectedRevision: 'no-stream',
      },
    );

    const error = await appendInTransaction(writer, 'volym-2', [newEvent('VolymRegistrerad')], {
      expectedRevision: 'no-stream',
    }).catch((e: unknown) => e);
    await writer.query('ROLLBACK');

    expect(error).toMatchObject({
      code: '23514',
      constraint: 'events_position_in_transaction_block',
    });
    expect(await store.headPosition()).toBe(0);
  });

  it('rejects more than 4096 events in one append with a RangeError before touching the database', async () => {
    const events = Array.from({ length: 4097 }, () => newEvent('VolymRegistrerad'));

    const error = await store
      .appendToStream('volym-1', events, { expectedRevision: 'no-stream' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RangeError);
    expect(await store.headPosition()).toBe(0);
  });

  it('maps a unique violation on (stream, revision) to ConcurrencyError and appends nothing', async () => {
    await store.appendToStream('deltagande-1', [newEvent('RemissMottagen')], {
      expectedRevision: 'no-stream',
    });
    // A streams row out of step with the events: only the unique key can catch the conflict.
    await admin.query(`DELETE FROM streams WHERE stream_id = 'deltagande-1'`);

    const error = await store
      .appendToStream('deltagande-1', [newEvent('RemissMottagen')], {
        expectedRevision: 'no-stream',
      })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ expected: 'no-stream', actual: 'no-stream' });
    expect((await store.readStream('deltagande-1')).map((e) => e.revision)).toEqual([0]);
  });

  it("creates new streams with each event's data and metadata, returns each stream's last position, and keeps a copied recordedAt", async () => {
    const copied = new Date('2019-05-06T07:08:09.123Z');
    const before = Date.now();
    const results = await store.appendToStreams([
      {
        streamId: 'deltagande-1',
        events: [
          newEvent('RemissMottagen', { datum: '2025-01-02' }),
          newEvent('DeltagareInskriven', { datum: '2025-01-03', forsorjning: ['lon'] }),
          newEvent('DeltagareAvslutad', { datum: '2025-02-01' }),
        ],
        expectedRevision: 'no-stream',
      },
      {
        streamId: 'deltagande-2',
        events: [{ ...newEvent('RemissMottagen', { datum: 'kopierad' }), recordedAt: copied }],
        expectedRevision: 'no-stream',
      },
    ]);

    const all = await readAllUpToHead(store);
    expect(all.map((e) => [e.streamId, e.revision, e.type, e.data])).toEqual([
      ['deltagande-1', 0, 'RemissMottagen', { datum: '2025-01-02' }],
      ['deltagande-1', 1, 'DeltagareInskriven', { datum: '2025-01-03', forsorjning: ['lon'] }],
      ['deltagande-1', 2, 'DeltagareAvslutad', { datum: '2025-02-01' }],
      ['deltagande-2', 0, 'RemissMottagen', { datum: 'kopierad' }],
    ]);
    expect(all.map((e) => e.position - all[0]!.position)).toEqual([0, 1, 2, 3]);
    expect(all.every((e) => e.metadata.userId === newEvent().metadata.userId)).toBe(true);
    expect(results).toEqual([
      { revision: 2, position: all[2]!.position },
      { revision: 0, position: all[3]!.position },
    ]);
    expect(all[0]!.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(all[3]!.recordedAt.toISOString()).toBe('2019-05-06T07:08:09.123Z');
  });

  it('stores positions below 2^53 and derived from the appending transaction id', async () => {
    await store.appendToStream('insats-1', [newEvent('InsatsSkapad'), newEvent('ArsmalSatt')], {
      expectedRevision: 'no-stream',
    });

    const { rows } = await admin.query<{ position: string; transaction_id: string }>(
      'SELECT position, transaction_id FROM events ORDER BY position',
    );

    const xid = BigInt(rows[0]!.transaction_id);
    expect(rows.map((r) => BigInt(r.position))).toEqual([xid * 4096n, xid * 4096n + 1n]);
    expect(rows.every((r) => r.transaction_id === rows[0]!.transaction_id)).toBe(true);
    expect(BigInt(rows[1]!.position) < 2n ** 53n).toBe(true);
  });

  it('migrates idempotently: a second run keeps schema version 2 and the stored events', async () => {
    await store.appendToStream('insats-1', [newEvent('InsatsSkapad')], {
      expectedRevision: 'no-stream',
    });
    const client = await connect();

    await migrateEventStore(client);
    await migrateEventStore(admin);

    const versions = await admin.query<{ version: number }>(
      'SELECT version FROM event_store_schema_version',
    );
    expect(versions.rows).toEqual([{ version: 1 }, { version: 2 }]);
    expect((await store.readStream('insats-1')).map((e: RecordedEvent) => e.type)).toEqual([
      'InsatsSkapad',
    ]);
  });

  it('leaves a pool it was given open on close', async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    const borrowed = await PostgresEventStore.create(pool);

    await borrowed.close();

    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await pool.end();
  });
});
