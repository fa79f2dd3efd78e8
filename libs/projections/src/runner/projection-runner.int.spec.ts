import { insatsStream, deltagandeStream } from '#domain';
import { PostgresEventStore, type NewEvent, type RecordedEvent } from '#event-store';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { DeltagandeRow } from '../read-models/deltagande.entity.js';
import { READ_MODEL_ENTITIES, readModelProjections } from '../read-model-projections.js';
import type { Projection } from './projection.js';
import { CheckpointMovedError, ProjectionRunner } from './projection-runner.js';

const metadata = { userId: 'u1', correlationId: 'c1', causationId: 'c1' };
const event = (type: string, data: Record<string, unknown>): NewEvent => ({ type, data, metadata });

/** A projection that throws once, at its nth event: a crash in the middle of a batch. */
class CrashOnce implements Projection {
  readonly name = 'crash-once';
  readonly handles = new Set(['DeltagareInskriven', 'DeltagareAvslutad']);
  private seen = 0;
  constructor(private readonly at: number) {}
  async apply(events: readonly RecordedEvent[]): Promise<void> {
    for (const _ of events) if (++this.seen === this.at) throw new Error('simulated crash');
  }
  async reset(_tx: EntityManager): Promise<void> {}
}

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
    const projections = [...readModelProjections(), new CrashOnce(27)];
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
});
