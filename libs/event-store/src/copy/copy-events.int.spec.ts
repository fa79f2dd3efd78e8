import { createHash } from 'node:crypto';
import { newEvent } from '../contract/event-store.contract.js';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import type { EventStore, RecordedEvent } from '../event-store.js';
import { migrateEventStore } from '../postgres/event-store-schema.js';
import { PostgresEventStore } from '../postgres/postgres-event-store.js';
import { InMemoryEventStore } from '../in-memory-event-store.js';
import {
  canonicalJson,
  copyEvents,
  CopyVerificationError,
  digestEventStore,
} from './copy-events.js';

/** A clock that moves one minute per append, so recordedAt differs between appends. */
const steppingClock = (start: string): (() => Date) => {
  let next = new Date(start).getTime();
  return () => {
    const now = new Date(next);
    next += 60_000;
    return now;
  };
};

/** 8 events in 6 appends, streams interleaved: positions 1–8 in the in-memory store. */
const appendHistory = async (store: EventStore): Promise<void> => {
  const other = { userId: 'user-bo', correlationId: 'correlation-2', causationId: 'causation-2' };
  await store.appendToStream(
    'insats-1',
    [newEvent('InsatsSkapad', { namn: 'Ung i Tyresö' }), newEvent('ArsmalSatt', { ar: 2025 })],
    { expectedRevision: 'no-stream' },
  );
  await store.appendToStream('deltagande-1', [newEvent('RemissMottagen', { remittent: 'af' })], {
    expectedRevision: 'no-stream',
  });
  await store.appendToStream(
    'deltagande-2',
    [
      newEvent('RemissMottagen', { remittent: 'fk' }, other),
      newEvent('DeltagareInskriven', { forsorjning: ['lon', 'a-kassa'] }, other),
    ],
    { expectedRevision: 'no-stream' },
  );
  await store.appendToStream('insats-1', [newEvent('InsatsAndrad', { namn: 'Balder' })], {
    expectedRevision: 1,
  });
  await store.appendToStream(
    'deltagande-1',
    [newEvent('DeltagareInskriven', { datum: '2025-03-10' })],
    {
      expectedRevision: 0,
    },
  );
  await store.appendToStream(
    'deltagande-1',
    [newEvent('DeltagareAvslutad', { datum: '2025-06-30' })],
    {
      expectedRevision: 1,
    },
  );
};

/** Everything a copy must keep, in global order; positions are the store's own business. */
const historyOf = async (store: EventStore): Promise<Omit<RecordedEvent, 'position'>[]> => {
  const events: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll({ after: events.at(-1)?.position ?? 0, limit: 100 });
    if (batch.length === 0) return events.map(({ position: _position, ...rest }) => rest);
    events.push(...batch);
  }
};

/** The store, except that appends fail after the first `appends`: a crash mid-copy. */
const failingAfter = (store: EventStore, appends: number): EventStore => {
  let left = appends;
  return {
    appendToStream: (streamId, events, options) =>
      left-- > 0
        ? store.appendToStream(streamId, events, options)
        : Promise.reject(new Error('simulated interruption')),
    appendToStreams: (appends) =>
      left-- > 0
        ? store.appendToStreams(appends)
        : Promise.reject(new Error('simulated interruption')),
    exclusively: (streamId, work) => store.exclusively(streamId, work),
    readStream: (streamId) => store.readStream(streamId),
    readAll: (options) => store.readAll(options),
    follow: (options) => store.follow(options),
    headPosition: () => store.headPosition(),
    close: async () => undefined,
  };
};

describe('copyEvents in memory', () => {
  it('copies every event in global order with stream, revision, type, data, metadata and recordedAt', async () => {
    const source = new InMemoryEventStore({ now: steppingClock('2024-01-01T08:00:00.000Z') });
    await appendHistory(source);
    const target = new InMemoryEventStore({ now: () => new Date('2030-01-01T00:00:00.000Z') });

    const result = await copyEvents(source, target);

    expect(await historyOf(target)).toEqual(await historyOf(source));
    expect(result).toEqual({
      copied: 8,
      skipped: 0,
      source: { count: 8, hash: result.source.hash },
      target: result.source,
    });
    expect((await target.readStream('insats-1')).map((e) => e.recordedAt.toISOString())).toEqual([
      '2024-01-01T08:00:00.000Z',
      '2024-01-01T08:00:00.000Z',
      '2024-01-01T08:03:00.000Z',
    ]);
  });

  it('logs progress per batch and the verified digest', async () => {
    const source = new InMemoryEventStore({ now: steppingClock('2024-01-01T08:00:00.000Z') });
    await appendHistory(source);
    const messages: string[] = [];

    const result = await copyEvents(source, new InMemoryEventStore(), {
      batchSize: 3,
      log: (message) => messages.push(message),
    });

    expect(messages).toEqual([
      'Copied 3, skipped 0 events (source position 3)',
      'Copied 6, skipped 0 events (source position 6)',
      'Copied 8, skipped 0 events (source position 8)',
      'Comparing count and hash of both stores',
      `Verified: 8 events, sha256 ${result.source.hash}`,
    ]);
  });

  it('resumes after an interruption: skips what the target holds and copies the rest', async () => {
    const source = new InMemoryEventStore({ now: steppingClock('2024-01-01T08:00:00.000Z') });
    await appendHistory(source);
    const target = new InMemoryEventStore();

    // Two appends get through (insats-1 ×2, deltagande-1 ×1), the third fails.
    const interrupted = await copyEvents(source, failingAfter(target, 2), { batchSize: 3 }).catch(
      (e: unknown) => e,
    );
    const resumed = await copyEvents(source, target, { batchSize: 3 });

    expect((interrupted as Error).message).toBe('simulated interruption');
    expect(resumed.copied).toBe(5);
    expect(resumed.skipped).toBe(3);
    expect(resumed.target).toEqual(resumed.source);
    expect(await historyOf(target)).toEqual(await historyOf(source));
  });

  it('copies nothing on a second run over a complete target', async () => {
    const source = new InMemoryEventStore();
    await appendHistory(source);
    const target = new InMemoryEventStore();
    await copyEvents(source, target);

    const again = await copyEvents(source, target);

    expect([again.copied, again.skipped]).toEqual([0, 8]);
    expect(await target.headPosition()).toBe(8);
  });

  it('throws CopyVerificationError with both figures when the target holds more', async () => {
    const source = new InMemoryEventStore();
    await appendHistory(source);
    const target = new InMemoryEventStore();
    await target.appendToStream('insats-9', [newEvent('InsatsSkapad')], {
      expectedRevision: 'no-stream',
    });
    const sourceDigest = await digestEventStore(source);

    const error = await copyEvents(source, target).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CopyVerificationError);
    const { source: s, target: t } = error as CopyVerificationError;
    expect(s).toEqual(sourceDigest);
    expect(t.count).toBe(9);
    expect((error as Error).message).toBe(
      `Copy verification failed: source has 8 events (sha256 ${s.hash}), ` +
        `target has 9 events (sha256 ${t.hash})`,
    );
  });

  it('refuses to continue when the target holds a different event type at a revision', async () => {
    const source = new InMemoryEventStore();
    await appendHistory(source);
    const target = new InMemoryEventStore();
    await target.appendToStream('insats-1', [newEvent('InsatsAvslutad')], {
      expectedRevision: 'no-stream',
    });

    await expect(copyEvents(source, target)).rejects.toThrow(
      'Target stream insats-1 holds InsatsAvslutad at revision 0 where the source has InsatsSkapad',
    );
  });
});

describe('digestEventStore', () => {
  it('hashes streamId, revision, type, canonical data, metadata ids and recordedAt per event', async () => {
    const store = new InMemoryEventStore({ now: () => new Date('2024-05-06T07:08:09.010Z') });
    await store.appendToStream(
      'insats-1',
      [newEvent('InsatsSkapad', { b: 1, a: { d: 2, c: 3 } })],
      {
        expectedRevision: 'no-stream',
      },
    );
    const line =
      JSON.stringify([
        'insats-1',
        0,
        'InsatsSkapad',
        '{"a":{"c":3,"d":2},"b":1}',
        'user-anna',
        'correlation-1',
        'causation-1',
        '2024-05-06T07:08:09.010Z',
      ]) + '\n';

    expect(await digestEventStore(store)).toEqual({
      count: 1,
      hash: createHash('sha256').update(line).digest('hex'),
    });
  });

  it('is the SHA-256 of nothing for an empty store', async () => {
    expect(await digestEventStore(new InMemoryEventStore())).toEqual({
      count: 0,
      hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
  });

  it('sorts object keys at every level, keeps array order and drops undefined in canonical JSON', () => {
    expect(canonicalJson({ z: [3, { y: 1, x: undefined, w: null }], a: 'å' })).toBe(
      '{"a":"å","z":[3,{"w":null,"y":1}]}',
    );
  });
});

describe('NewEvent.recordedAt in the in-memory store', () => {
  it('keeps a given recordedAt instead of the clock', async () => {
    const store = new InMemoryEventStore({ now: () => new Date('2030-01-01T00:00:00.000Z') });
    await store.appendToStream(
      'insats-1',
      [
        { ...newEvent('InsatsSkapad'), recordedAt: new Date('2024-02-03T04:05:06.789Z') },
        newEvent('ArsmalSatt'),
      ],
      { expectedRevision: 'no-stream' },
    );

    expect(
      (await store.readStream('insats-1')).map((e: RecordedEvent) => e.recordedAt.toISOString()),
    ).toEqual(['2024-02-03T04:05:06.789Z', '2030-01-01T00:00:00.000Z']);
  });
});

describe('copyEvents with PostgreSQL', () => {
  let db: TestDatabase;
  let admin: pg.Pool;
  let postgres: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new pg.Pool({ connectionString: db.url, max: 2 });
    await migrateEventStore(admin);
  });

  afterAll(async () => {
    await admin.end();
    await db.drop();
  });

  beforeEach(async () => {
    await admin.query('TRUNCATE events, streams');
    postgres = await PostgresEventStore.create({ connectionString: db.url, poolSize: 4 });
  });

  afterEach(async () => {
    await postgres.close();
  });

  it('copies PostgreSQL to memory keeping the database recordedAt, with equal hashes', async () => {
    await appendHistory(postgres);
    const target = new InMemoryEventStore({ now: () => new Date('2030-01-01T00:00:00.000Z') });

    const result = await copyEvents(postgres, target, { batchSize: 3 });

    expect([result.copied, result.skipped, result.source.count]).toEqual([8, 0, 8]);
    expect(result.target).toEqual(result.source);
    expect(await historyOf(target)).toEqual(await historyOf(postgres));
  });

  it('copies memory to PostgreSQL, resuming after an interruption, and stores the original recordedAt', async () => {
    const source = new InMemoryEventStore({ now: steppingClock('2024-01-01T08:00:00.000Z') });
    await appendHistory(source);

    const interrupted = await copyEvents(source, failingAfter(postgres, 2), { batchSize: 3 }).catch(
      (e: unknown) => e,
    );
    const afterInterruption = await historyOf(postgres);
    const resumed = await copyEvents(source, postgres, { batchSize: 3 });

    expect((interrupted as Error).message).toBe('simulated interruption');
    expect(afterInterruption.map((e) => `${e.streamId}@${e.revision}`)).toEqual([
      'insats-1@0',
      'insats-1@1',
      'deltagande-1@0',
    ]);
    expect([resumed.copied, resumed.skipped]).toEqual([5, 3]);
    expect(resumed.target).toEqual(resumed.source);
    expect(await historyOf(postgres)).toEqual(await historyOf(source));
    const { rows } = await admin.query<{ recorded_at: Date }>(
      `SELECT recorded_at FROM events WHERE stream_id = 'deltagande-1' ORDER BY revision`,
    );
    expect(rows.map((r) => r.recorded_at.toISOString())).toEqual([
      '2024-01-01T08:01:00.000Z',
      '2024-01-01T08:04:00.000Z',
      '2024-01-01T08:05:00.000Z',
    ]);
  });

  it('stamps the database clock when an append gives no recordedAt', async () => {
    const before = Date.now();
    await postgres.appendToStream(
      'insats-1',
      [
        newEvent('InsatsSkapad'),
        { ...newEvent('ArsmalSatt'), recordedAt: new Date('2024-02-03T04:05:06.789Z') },
      ],
      { expectedRevision: 'no-stream' },
    );

    const after = Date.now();

    const [stamped, given] = await postgres.readStream('insats-1');

    // Same machine, same clock; PostgreSQL keeps microseconds, a JS Date milliseconds.
    expect(stamped!.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(stamped!.recordedAt.getTime()).toBeLessThanOrEqual(after);
    expect(given!.recordedAt.toISOString()).toBe('2024-02-03T04:05:06.789Z');
  });
});
