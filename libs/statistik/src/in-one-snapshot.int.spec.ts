import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { inOneSnapshot } from './in-one-snapshot.js';

const query = (text: string) => ({ text, params: [] });
const count = query('SELECT count(*)::int AS n FROM rad');

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

  it('runs each group on a connection of its own, without a transaction id', async () => {
    const [first, second] = (await inOneSnapshot(dataSource, [
      [query('SELECT pg_backend_pid() AS pid'), query('SELECT txid_current_if_assigned() AS xid')],
      [query('SELECT pg_backend_pid() AS pid')],
    ])) as { pid?: number; xid?: string | null }[][][];
    expect(first![0]![0]!.pid).not.toBe(second![0]![0]!.pid);
    expect(first![1]![0]!.xid).toBeNull();
  });

  it('gives the second connection the first one’s snapshot, not one of its own', async () => {
    // A row is committed after the first connection took its snapshot and before the second
    // one begins: only the imported snapshot keeps it out of the second connection's count.
    await dataSource.query('TRUNCATE rad');
    const writer = dataSource.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    await writer.query('INSERT INTO rad VALUES (1)');
    let runners = 0;
    const gated = Object.create(dataSource) as DataSource;
    gated.createQueryRunner = (mode) => {
      const runner = dataSource.createQueryRunner(mode);
      if (++runners === 2) {
        const query = runner.query.bind(runner);
        runner.query = (async (sql: string, params?: unknown[]) => {
          if (sql.startsWith('BEGIN')) await writer.commitTransaction();
          return query(sql, params);
        }) as typeof runner.query;
      }
      return runner;
    };
    try {
      const [[first], [second]] = await inOneSnapshot(gated, [[count], [count]]);
      expect(first).toEqual([{ n: 0 }]);
      expect(second).toEqual([{ n: 0 }]);
      expect(await dataSource.query(count.text)).toEqual([{ n: 1 }]);
    } finally {
      await writer.release();
    }
  });

  it('rolls both back and gives the connections back when a query fails', async () => {
    await expect(
      inOneSnapshot(dataSource, [[query('SELECT 1')], [query('SELECT * FROM finns_inte')]]),
    ).rejects.toThrow('finns_inte');
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    expect(pool.totalCount).toBeGreaterThan(0);
    expect(pool.idleCount).toBe(pool.totalCount);
    const [[rows]] = await inOneSnapshot(dataSource, [[query('SELECT 1 AS ett')]]);
    expect(rows).toEqual([{ ett: 1 }]);
  });
});
