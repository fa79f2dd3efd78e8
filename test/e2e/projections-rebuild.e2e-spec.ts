import { forbundStream, insatsStream } from '#domain';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source-options.js';
import { rebuildProjections } from '../../apps/api/src/projections/rebuild-projections.js';
import { avslutBody, remissBody, startTestApp, type TestApp } from '../support/test-app.js';
import { appendUnstorableVolym } from '../support/poison-event.js';

const READ_MODELS = {
  insats: 'SELECT * FROM insats ORDER BY id',
  deltagande: 'SELECT * FROM deltagande ORDER BY id',
  projection_checkpoint: 'SELECT name, position FROM projection_checkpoint ORDER BY name',
  deltagande_fakta: 'SELECT * FROM deltagande_fakta ORDER BY deltagande_id, from_position',
  uppfoljning_fakta: 'SELECT * FROM uppfoljning_fakta ORDER BY position',
  volym_fakta: 'SELECT * FROM volym_fakta ORDER BY position',
  arsmal_fakta: 'SELECT * FROM arsmal_fakta ORDER BY insats_id, ar, from_position',
  insats_fakta: 'SELECT * FROM insats_fakta ORDER BY insats_id, from_position',
  ekonomi_fakta: 'SELECT * FROM ekonomi_fakta ORDER BY insats_id, ar, from_position',
  mal_fakta: 'SELECT * FROM mal_fakta ORDER BY mal_id, from_position',
  registrering_fakta: 'SELECT * FROM registrering_fakta ORDER BY position',
};

const snapshot = async (dataSource: DataSource): Promise<Record<string, unknown[]>> =>
  Object.fromEntries(
    await Promise.all(
      Object.entries(READ_MODELS).map(
        async ([table, sql]) => [table, await dataSource.query(sql)] as const,
      ),
    ),
  );

const TABLES = Object.keys(READ_MODELS).filter((table) => table !== 'projection_checkpoint');

/** The tables' definitions as migrations left them: columns, constraints, indexes, by name. */
const catalog = async (dataSource: DataSource): Promise<Record<string, unknown[]>> => ({
  columns: await dataSource.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default,
            generation_expression
     FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = ANY($1) ORDER BY table_name, ordinal_position`,
    [TABLES],
  ),
  constraints: await dataSource.query(
    `SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS def
     FROM pg_constraint WHERE conrelid::regclass::text = ANY($1) ORDER BY 1, 2`,
    [TABLES],
  ),
  indexes: await dataSource.query(
    `SELECT tablename, indexname, indexdef FROM pg_indexes
     WHERE schemaname = 'public' AND tablename = ANY($1) ORDER BY 1, 2`,
    [TABLES],
  ),
  schemas: await dataSource.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild%'`),
});

const withDataSource = async <T>(url: string, use: (d: DataSource) => Promise<T>): Promise<T> => {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    return await use(dataSource);
  } finally {
    await dataSource.destroy();
  }
};

describe('projections:rebuild', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('rebuilds every read model from position 0 into identical tables', async () => {
    const insats = await t.insats();
    // Written to the store directly (the HTTP commands for them are built elsewhere); the
    // command after them makes the reads below wait for them too.
    const metadata = { userId: 'test', correlationId: 'c', causationId: 'c' };
    await t.store.appendToStream(
      insatsStream(insats),
      [
        { type: 'InsatsAndrad', data: { grupp: 'Rätt stöd för mig', ordning: 2 }, metadata },
        { type: 'EkonomiSatt', data: { ar: 2025, budget: 100_000 }, metadata },
        { type: 'InsatsAndrad', data: { utforare: 'Kommunen' }, metadata },
        { type: 'EkonomiSatt', data: { ar: 2025, kostnad: 90_000 }, metadata },
        { type: 'InsatsAndrad', data: { namn: 'Bron' }, metadata },
      ],
      { expectedRevision: 'any' },
    );
    await t.admin
      .put(`/insatser/${insats}/arsmal/2025`, {
        deltagare: 10,
        nyaDeltagare: 8,
        andelArbeteStudier: 0.4,
      })
      .expect(200);
    // Goals on the insats's stream and on the förbund's: one changed, one removed.
    const mal = { matt: 'nya', fran: '2025-01-01', till: '2027-06-30', varde: 100 };
    const [insatsMal, forbundsmal] = [randomUUID(), randomUUID()];
    const forbundId = (await t.admin.get('/statistik?fran=2025-01-01&till=2025-12-31').expect(200))
      .body.forbund.id as string;
    for (const [stream, type, data] of [
      [insatsStream(insats), 'MalSatt', { malId: insatsMal, ...mal }],
      [insatsStream(insats), 'MalSatt', { malId: insatsMal, ...mal, varde: 120 }],
      [forbundStream(forbundId), 'MalSatt', { malId: forbundsmal, grupp: 'Unga', ...mal }],
      [forbundStream(forbundId), 'MalBorttaget', { malId: forbundsmal }],
    ] as const) {
      await t.store.appendToStream(
        stream,
        [{ type, data, metadata: { userId: 'test', correlationId: 'c', causationId: 'c' } }],
        { expectedRevision: 'any' },
      );
    }
    const staff = await t.user('personal', { insatser: [insats] });
    for (let i = 0; i < 5; i++) {
      const { body } = await staff
        .post(`/insatser/${insats}/deltaganden`, remissBody({ inskrivning: {} }))
        .expect(201);
      if (i % 2 === 0) await staff.post(`/deltaganden/${body.id}/avslut`, avslutBody()).expect(200);
      if (i === 3)
        await staff.post(`/deltaganden/${body.id}/makulering`, { orsak: 'Fel' }).expect(200);
    }
    await t.admin.get('/insatser').expect(200); // read-your-writes: the projections are caught up
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const before = await snapshot(dataSource);
    const definitions = await catalog(dataSource);
    expect(definitions.indexes).toContainEqual(
      expect.objectContaining({ indexname: 'deltagande_fakta_period_nu' }),
    );
    expect(before.deltagande).toHaveLength(5);
    // A version per command that changes a fact: 5 direct enrolments and 3 avslut; the
    // makulering closes one.
    expect(before.deltagande_fakta).toHaveLength(8);
    // A registration per remiss, inskrivning and avslut: 5 + 5 + 3 (the makulering is none).
    expect(before.registrering_fakta).toHaveLength(13);
    expect(
      before.deltagande_fakta.filter(
        (row) => (row as { recorded_to: unknown }).recorded_to === null,
      ),
    ).toHaveLength(4);
    expect(before.arsmal_fakta).toHaveLength(1);
    // Created, put in a grupp, renamed (the utförare is no fact of the report).
    expect(before.insats_fakta).toMatchObject([
      { namn: expect.any(String), grupp: null, ordning: null },
      { grupp: 'Rätt stöd för mig', ordning: 2 },
      { namn: 'Bron', grupp: 'Rätt stöd för mig', ordning: 2, recorded_to: null },
    ]);
    expect(before.ekonomi_fakta).toMatchObject([
      { ar: 2025, budget: 100_000, kostnad: null },
      { ar: 2025, budget: 100_000, kostnad: 90_000, recorded_to: null },
    ]);
    // Three versions of goals, two of them closed.
    expect(before.mal_fakta).toHaveLength(3);
    expect(
      before.mal_fakta.filter((row) => (row as { recorded_to: unknown }).recorded_to === null),
    ).toHaveLength(1);

    const eventCount = (await t.events()).length;

    await t.stopApp(); // the API's runner must not race the rebuild
    const applied = await rebuildProjections(t.db.url);

    expect(applied).toBe(eventCount);
    await withDataSource(t.db.url, async (fresh) => {
      expect(await snapshot(fresh)).toEqual(before);
      // New tables, swapped in: the next migration finds every index and key by its name.
      expect(await catalog(fresh)).toEqual(definitions);
    });
  });
});

describe('projections:rebuild with an event it cannot apply', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('fails and leaves the read models, their checkpoint and the report as they were', async () => {
    const insats = await t.insats();
    const volym = await t.insats({ matmetod: 'volym', inriktning: 'strukturovergripande' });
    const staff = await t.user('personal', { insatser: [insats, volym] });
    for (let i = 0; i < 3; i++)
      await staff
        .post(`/insatser/${insats}/deltaganden`, remissBody({ inskrivning: {} }))
        .expect(201);
    await staff
      .post(`/insatser/${volym}/volym`, { datum: '2025-03-01', kvinnor: 4, man: 3 })
      .expect(201);
    const report = () => t.admin.get('/statistik?fran=2025-01-01&till=2025-12-31').expect(200);
    /** The report but for `asOf`, which is the moment it was made. */
    const figures = ({ body }: { body: Record<string, unknown> }) => ({ ...body, asOf: '' });
    const expected = figures(await report());
    expect(expected).toMatchObject({ totalt: { volym: { kvinna: 4, man: 3 } } });
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const before = await snapshot(dataSource);

    // Written before the boundary refused such numbers; the projections cannot store it.
    const poison = await appendUnstorableVolym(t.store, volym);
    for (let i = 0; i < 50 && (await t.http.get('/api/v1/health')).status === 200; i++)
      await sleep(100);
    const delayed = await report();
    expect(delayed.headers['x-lasmodell-forsenad']).toBeDefined();
    expect(figures(delayed)).toEqual(expected);

    await t.stopApp();
    await expect(rebuildProjections(t.db.url)).rejects.toThrow(
      `Projektionen stannade vid händelse ${poison.position} (VolymRegistrerad i insats-${volym}): value "3000000000" is out of range for type integer`,
    );

    await withDataSource(t.db.url, async (fresh) => {
      expect(await snapshot(fresh)).toEqual(before);
      expect((await catalog(fresh)).schemas).toEqual([]);
    });
    const restarted = await startTestApp({}, { db: t.db });
    try {
      const again = await restarted.admin
        .get('/statistik?fran=2025-01-01&till=2025-12-31')
        .expect(200);
      expect(figures(again)).toEqual(expected);
    } finally {
      await restarted.close();
    }
  });
});
