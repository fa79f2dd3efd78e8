import { forbundStream, insatsStream } from '#domain';
import { PostgresEventStore, type NewEvent } from '#event-store';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { READ_MODEL_ENTITIES, readModelProjections } from '../read-model-projections.js';
import { ProjectionRunner } from '../runner/projection-runner.js';

const metadata = { userId: 'u1', correlationId: 'c1', causationId: 'c1' };
const event = (type: string, data: Record<string, unknown>): NewEvent => ({ type, data, metadata });

describe('InsatsProjection on PostgreSQL', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = await PostgresEventStore.create({ connectionString: db.url });
    dataSource = new DataSource({ type: 'postgres', url: db.url, entities: READ_MODEL_ENTITIES });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await store.close();
    await db.drop();
  });

  it('reads goals of insats streams only: a förbund goal of the same event type stalls nothing', async () => {
    const forbundId = randomUUID();
    const insatsId = randomUUID();
    const mal = { matt: 'nya', fran: '2020-01-01', till: '2020-12-31', varde: 315 };
    // Stored before version 2: no grupp, no ordning.
    await store.appendToStream(
      insatsStream(insatsId),
      [
        event('InsatsSkapad', {
          insatsId,
          forbundId,
          namn: 'Ungdomsteamet i Haninge',
          inriktning: 'individinriktad',
          matmetod: 'individ',
          startdatum: '2020-01-01',
          slutdatum: null,
          utforare: null,
          malgrupp: null,
        }),
      ],
      { expectedRevision: 'no-stream' },
    );
    await store.appendToStream(
      forbundStream(forbundId),
      [event('MalSatt', { malId: randomUUID(), grupp: 'Unga vuxna-teamen', ...mal })],
      { expectedRevision: 'no-stream' },
    );
    await store.appendToStream(
      insatsStream(insatsId),
      [event('MalSatt', { malId: randomUUID(), ...mal, varde: 105 })],
      { expectedRevision: 0 },
    );

    const runner = new ProjectionRunner(store, dataSource, readModelProjections());
    await runner.catchUp();

    expect((await runner.state()).stall).toBeUndefined();
    const rows = await dataSource.query<{ id: string; revision: number }[]>(
      'SELECT id, revision FROM insats',
    );
    expect(rows).toEqual([{ id: insatsId, revision: 1 }]);
  });
});
