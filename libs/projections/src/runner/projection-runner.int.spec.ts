import { insatsStream, deltagandeStream } from '#domain';
import { PostgresEventStore, type NewEvent, type RecordedEvent } from '#event-store';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { DeltagandeRow } from '../read-models/deltagande.entity.js';
import { READ_MODEL_ENTITIES, readModelProjections } from '../read-model-projections.js';
import type { Projection } from './projection.js';
import { CheckpointMovedError, ProjectionRunner } from './projection-runner.js';

const metadata = { userId: 'u1', correlationId: 'c1', causationId: 'c1' };
const event = (type: string, data: Record<string, unknown>): NewEvent => ({ type, data, metadata });

/** A projection that throws from its nth event on: a process dying in the middle of a batch. */
class CrashesFrom implements Projection {
  readonly name = 'crash-once';
  readonly handles = new Set(['DeltagareInskriven', 'DeltagareAvslutad']);
  readonly tables = [];
  private seen = 0;
  constructor(private readonly at: number) {}
  async apply(events: readonly RecordedEvent[]): Promise<void> {
    for (const _ of events) if (++this.seen >= this.at) throw new Error('simulated crash');
  }
}

/** A projection that cannot apply one event until it is repaired. */
class FailsAt implements Projection {
  readonly name = 'fails-at';
  readonly handles = new Set([
    'InsatsSkapad',
    'RemissMottagen',
    'DeltagareInskriven',
    'DeltagareAvslutad',
  ]);
  readonly tables = [];
  repaired = false;
  constructor(private readonly position: number) {}
  async apply(events: readonly RecordedEvent[]): Promise<void> {
    if (!this.repaired && events.some((e) => e.position === this.position))
      throw new Error('value "3000000000" is out of range for type integer');
  }
}

const until = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(condition()).toBe(true);
};

describe('ProjectionRunner on PostgreSQL', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  const deltaganden: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    store = await PostgresEventStore.create({ connectionString: db.url });
    dataSource = new DataSource({ type: 'postgres', url: db.url, entities: READ_MODEL_ENTITIES });
    await dataSource.initialize();

    const insatsId = randomUUID();
    await store.appendToStream(
      insatsStream(insatsId),
      [
        event('InsatsSkapad', {
          insatsId,
          forbundId: randomUUID(),
          namn: 'Balder',
          inriktning: 'individinriktad',
          matmetod: 'individ',
          startdatum: '2024-01-01',
          slutdatum: null,
          utforare: null,
          malgrupp: null,
        }),
      ],
      { expectedRevision: 'no-stream' },
    );
    // 20 deltaganden × 3 events, appended interleaved so batches cut across streams.
    for (let i = 0; i < 20; i++) {
      const id = randomUUID();
      deltaganden.push(id);
      await store.appendToStream(
        deltagandeStream(id),
        [
          event('RemissMottagen', {
            deltagandeId: id,
            insatsId,
            datum: '2025-01-10',
            remittent: 'af',
            remittentEnhet: null,
            person: { kon: 'kvinna', fodelsear: 1990, kommun: '0138', personId: null },
          }),
        ],
        { expectedRevision: 'no-stream' },
      );
    }
    for (const [revision, type, data] of [
      [
        0,
        'DeltagareInskriven',
        {
          datum: '2025-01-20',
          forsorjning: ['a-kassa'],
          utbildningsniva: 'gymnasial',
          tidIOffentligForsorjning: 'ingen',
        },
      ],
      [
        1,
        'DeltagareAvslutad',
        { datum: '2025-05-20', avslutsorsak: 'studier', forsorjning: ['studiestod'] },
      ],
    ] as const) {
      for (const id of deltaganden) {
        await store.appendToStream(deltagandeStream(id), [event(type, { ...data })], {
          expectedRevision: revision,
        });
      }
    }
  });

  afterAll(async () => {
    await dataSource.destroy();
    await store.close();
    await db.drop();
  });

  /** The statistics facts: here every command changes one, so a version per command. */
  const versions = async (): Promise<number[]> =>
    (
      await dataSource.query<{ from_position: number | string }[]>(
        'SELECT from_position FROM deltagande_fakta ORDER BY from_position',
      )
    ).map((row) => Number(row.from_position));

  it('after a crash in the middle of a batch, applies nothing twice and skips nothing on restart', async () => {
    // The crash comes after the read models applied their part of the batch.
    const projections = [...readModelProjections(), new CrashesFrom(27)];
    const crashing = new ProjectionRunner(store, dataSource, projections, {
      name: 'crash-test',
      batchSize: 10,
    });
    await expect(crashing.catchUp()).rejects.toThrow('simulated crash');

    // Four batches committed; the fifth (events 41–50, where the 27th inskrivning/avslut
    // crashed) rolled back whole.
    const all = await store.readAll({ after: 0, limit: 1_000 });
    expect(all).toHaveLength(61);
    expect(crashing.position).toBe(all[39]!.position);
    expect(await versions()).toHaveLength(39);

    const restarted = new ProjectionRunner(store, dataSource, readModelProjections(), {
      name: 'crash-test',
      batchSize: 10,
    });
    expect(await restarted.catchUp()).toBe(21);

    expect(await versions()).toEqual(
      all.filter((e) => e.type !== 'InsatsSkapad').map((e) => e.position),
    );
    const states = await dataSource.getRepository(DeltagandeRow).find();
    expect(states).toHaveLength(20);
    expect(states.every((row) => row.status === 'avslutad' && row.revision === 2)).toBe(true);
  });

  it('lets only one of two runners advance a checkpoint; the other rolls its batch back', async () => {
    const first = new ProjectionRunner(store, dataSource, [], { name: 'rivals', batchSize: 5 });
    const second = new ProjectionRunner(store, dataSource, [], { name: 'rivals', batchSize: 5 });
    await first.catchUp();
    // The second runner still believes the checkpoint is where it loaded it.
    await second.waitUntil(0, 0);
    const stale = second as unknown as {
      checkpoint: number;
      applyBatch(b: RecordedEvent[]): Promise<void>;
    };
    stale.checkpoint = 0;
    const batch = await store.readAll({ after: 0, limit: 5 });
    await expect(stale.applyBatch(batch)).rejects.toBeInstanceOf(CheckpointMovedError);
  });

  it('waitUntil resolves once the runner has passed a position and times out otherwise', async () => {
    const runner = new ProjectionRunner(store, dataSource, [], { name: 'waiting' });
    const head = await store.headPosition();
    expect(await runner.waitUntil(head, 20)).toBe(false);
    runner.start();
    try {
      expect(await runner.waitUntil(head, 5_000)).toBe(true);
    } finally {
      await runner.stop();
    }
  });

  it('stops at an event it cannot apply: records and logs the stall once, answers reads at once, and clears it when it applies', async () => {
    const all = await store.readAll({ after: 0, limit: 1_000 });
    const poison = all[24]!;
    const projection = new FailsAt(poison.position);
    const logs: string[] = [];
    const runner = new ProjectionRunner(store, dataSource, [projection], {
      name: 'stall-test',
      batchSize: 10,
      retryDelayMs: 10,
      maxRetryDelayMs: 40,
      log: (message) => logs.push(message),
    });
    const stall = {
      position: poison.position,
      streamId: poison.streamId,
      typ: poison.type,
      fel: 'value "3000000000" is out of range for type integer',
      sedan: poison.recordedAt.toISOString(),
    };
    const recorded = async (): Promise<unknown> =>
      (
        await dataSource.query<{ stall: unknown }[]>(
          `SELECT stall FROM projection_checkpoint WHERE name = 'stall-test'`,
        )
      )[0]?.stall;

    runner.start();
    try {
      await until(() => runner.stall !== undefined);
      await new Promise((r) => setTimeout(r, 300)); // a dozen retries
      expect(runner.stall).toEqual(stall);
      // The batch failed; the events before the one that cannot be applied were kept.
      expect(runner.position).toBe(all[23]!.position);
      expect(await recorded()).toEqual(stall);
      expect(logs.filter((line) => line.includes('stannade'))).toEqual([
        `Projektionen "stall-test" stannade vid händelse ${poison.position} (${poison.type} i ${poison.streamId}): value "3000000000" is out of range for type integer; läsmodellerna står still tills den kan tillämpas och försöker igen med allt längre mellanrum`,
      ]);

      // Another process sees the stall through the database, and a read need not wait for it.
      const reader = new ProjectionRunner(store, dataSource, [], { name: 'stall-test' });
      expect(await reader.state()).toEqual({ position: all[23]!.position, stall });
      const started = Date.now();
      expect(await reader.waitUntil(all[60]!.position, 5_000)).toBe(false);
      expect(Date.now() - started).toBeLessThan(500);

      projection.repaired = true;
      await until(() => runner.stall === undefined && runner.position === all[60]!.position);
      expect(await recorded()).toBeNull();
      expect(logs.filter((line) => line.includes('återhämtad'))).toEqual([
        `Projektionen "stall-test" är återhämtad: händelse ${poison.position} (${poison.type} i ${poison.streamId}) är tillämpad`,
      ]);
      expect(await reader.state()).toEqual({ position: all[60]!.position, stall: undefined });
    } finally {
      await runner.stop();
    }
  });

  it('catchUp names the event it cannot apply', async () => {
    const all = await store.readAll({ after: 0, limit: 1_000 });
    const runner = new ProjectionRunner(store, dataSource, [new FailsAt(all[7]!.position)], {
      name: 'catch-up-stall',
    });
    await expect(runner.catchUp()).rejects.toThrow(
      `Projektionen stannade vid händelse ${all[7]!.position} (${all[7]!.type} i ${all[7]!.streamId}): value "3000000000" is out of range for type integer`,
    );
    expect(runner.position).toBe(all[6]!.position);
  });

  // Last: it appends to the store the other tests count.
  it('makes way for a bulk write: applies nothing while it runs, lags without a stall, and catches up after it', async () => {
    const runner = new ProjectionRunner(store, dataSource, [], {
      name: 'bulk-write',
      pollIntervalMs: 10,
    });
    runner.start();
    try {
      expect(await runner.waitUntil(await store.headPosition(), 5_000)).toBe(true);
      const before = runner.position;
      expect(runner.delayedByBulkWrite).toBe(false);
      const id = randomUUID();
      const head = await runner.makeWayFor(async () => {
        const { position } = await store.appendToStream(
          deltagandeStream(id),
          [
            event('RemissMottagen', {
              deltagandeId: id,
              insatsId: randomUUID(),
              datum: '2025-02-10',
              remittent: 'af',
              remittentEnhet: null,
              person: { kon: 'man', fodelsear: 1991, kommun: '0138', personId: null },
            }),
          ],
          { expectedRevision: 'no-stream' },
        );
        expect(await runner.waitUntil(position, 300)).toBe(false);
        expect(runner.position).toBe(before);
        expect(runner.delayedByBulkWrite).toBe(true);
        expect(runner.stall).toBeUndefined();
        return position;
      });
      // Still delayed by the bulk write until the read models have caught up with it.
      expect(await runner.waitUntil(head, 5_000)).toBe(true);
      expect(runner.delayedByBulkWrite).toBe(false);
    } finally {
      await runner.stop();
    }
  });
});
