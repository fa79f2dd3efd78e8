import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { inOneSnapshot } from './in-one-snapshot.js';

const query = (text: string) => ({ text, params: [] });

interface Row {
  pid?: number;
  snapshot?: string;
  xid?: string | null;
}

describe('inOneSnapshot', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: db.url });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE rad (n integer)');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('runs the groups on two connections reading one snapshot, without a transaction id', async () => {
    const [first, second] = (await inOneSnapshot(dataSource, [
      [
        query('SELECT pg_backend_pid() AS pid, pg_current_snapshot()::text AS snapshot'),
        query('SELECT txid_current_if_assigned() AS xid'),
      ],
      [query('SELECT pg_backend_pid() AS pid, pg_current_snapshot()::text AS snapshot')],
    ])) as Row[][][];
    expect(first[0]![0]!.pid).not.toBe(second[0]![0]!.pid);
    expect(second[0]![0]!.snapshot).toBe(first[0]![0]!.snapshot);
    expect(first[1]![0]!.xid).toBeNull();
  });

  it('shows neither connection a row committed after the snapshot was taken', async () => {
    const count = query('SELECT count(*)::int AS n FROM rad');
    const sleep = query('SELECT pg_sleep(0.4)');
    const report = inOneSnapshot(dataSource, [
      [sleep, count],
      [sleep, count],
    ]);
    // Committed by another connection while both transactions are open.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await dataSource.query('INSERT INTO rad VALUES (1)');
    const [first, second] = await report;
    expect(first![1]).toEqual([{ n: 0 }]);
    expect(second![1]).toEqual([{ n: 0 }]);
    expect(await dataSource.query(count.text)).toEqual([{ n: 1 }]);
  });

  it('rolls both back and gives the connections back when a query fails', async () => {
    await expect(
      inOneSnapshot(dataSource, [[query('SELECT 1')], [query('SELECT * FROM finns_inte')]]),
    ).rejects.toThrow('finns_inte');
    const [[rows]] = await inOneSnapshot(dataSource, [[query('SELECT 1 AS ett')]]);
    expect(rows).toEqual([{ ett: 1 }]);
  });
});
