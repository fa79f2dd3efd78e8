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

  it('shares the connections among more groups than it may hold, each group in order', async () => {
    // A pool of 6 lets snapshots hold 2 connections: five groups run on two, in turn.
    const small = new DataSource({ type: 'postgres', url: db.url, extra: { max: 6 } });
    await small.initialize();
    try {
      const groups = [1, 2, 3, 4, 5].map((n) => [
        query(`SELECT ${n} AS n, pg_backend_pid() AS pid`),
        query(`SELECT ${n * 10} AS n`),
      ]);
      const results = (await inOneSnapshot(small, groups)) as { n: number; pid?: number }[][][];
      expect(results.map((group) => group.map(([row]) => row!.n))).toEqual([
        [1, 10],
        [2, 20],
        [3, 30],
        [4, 40],
        [5, 50],
      ]);
      expect(new Set(results.map((group) => group[0]![0]!.pid)).size).toBe(2);
    } finally {
      await small.destroy();
    }
  });

  it('holds no more connections than it may, however many snapshots start at once', async () => {
    // Pool 6: snapshots may hold 2 connections together. Four snapshots of two groups each,
    // started at once, take both connections in turn (all of a snapshot's or none, so no two
    // can each hold one and wait for the other's), leaving the rest of the pool free.
    const small = new DataSource({ type: 'postgres', url: db.url, extra: { max: 6 } });
    await small.initialize();
    try {
      const sleepy = [[query('SELECT pg_sleep(0.05), 1 AS n')], [query('SELECT 2 AS n')]];
      const all = await Promise.all([1, 2, 3, 4].map(() => inOneSnapshot(small, sleepy)));
      expect(all.map((r) => (r as { n: number }[][][]).map((g) => g[0]![0]!.n))).toEqual([
        [1, 2],
        [1, 2],
        [1, 2],
        [1, 2],
      ]);
      const pool = (small.driver as unknown as { master: Pool }).master;
      expect(pool.totalCount).toBeLessThanOrEqual(2);
    } finally {
      await small.destroy();
    }
  });
});
