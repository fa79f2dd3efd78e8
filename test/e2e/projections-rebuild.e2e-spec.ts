import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source-options.js';
import { rebuildProjections } from '../../apps/api/src/projections/rebuild-projections.js';
import { avslutBody, remissBody, startTestApp, type TestApp } from '../support/test-app.js';

const READ_MODELS = {
  insats: 'SELECT * FROM insats ORDER BY id',
  deltagande: 'SELECT * FROM deltagande ORDER BY id',
  projection_checkpoint: 'SELECT name, position FROM projection_checkpoint ORDER BY name',
  deltagande_fakta: 'SELECT * FROM deltagande_fakta ORDER BY deltagande_id, from_position',
  uppfoljning_fakta: 'SELECT * FROM uppfoljning_fakta ORDER BY position',
  volym_fakta: 'SELECT * FROM volym_fakta ORDER BY position',
  arsmal_fakta: 'SELECT * FROM arsmal_fakta ORDER BY insats_id, ar, from_position',
};

const snapshot = async (dataSource: DataSource): Promise<Record<string, unknown[]>> =>
  Object.fromEntries(
    await Promise.all(
      Object.entries(READ_MODELS).map(
        async ([table, sql]) => [table, await dataSource.query(sql)] as const,
      ),
    ),
  );

describe('projections:rebuild', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('rebuilds every read model from position 0 into identical tables', async () => {
    const insats = await t.insats();
    await t.admin
      .put(`/insatser/${insats}/arsmal/2025`, {
        deltagare: 10,
        nyaDeltagare: 8,
        andelArbeteStudier: 0.4,
      })
      .expect(200);
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
    expect(before.deltagande).toHaveLength(5);
    // A version per command that changes a fact: 5 direct enrolments and 3 avslut; the
    // makulering closes one.
    expect(before.deltagande_fakta).toHaveLength(8);
    expect(
      before.deltagande_fakta.filter(
        (row) => (row as { recorded_to: unknown }).recorded_to === null,
      ),
    ).toHaveLength(4);
    expect(before.arsmal_fakta).toHaveLength(1);

    const eventCount = (await t.events()).length;

    await t.stopApp(); // the API's runner must not race the rebuild
    const applied = await rebuildProjections(t.db.url);

    expect(applied).toBe(eventCount);
    const fresh = new DataSource(dataSourceOptions(t.db.url));
    await fresh.initialize();
    try {
      expect(await snapshot(fresh)).toEqual(before);
    } finally {
      await fresh.destroy();
    }
  });
});
