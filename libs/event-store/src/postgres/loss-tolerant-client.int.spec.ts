import pg from 'pg';
import { LossTolerantClient } from './loss-tolerant-client.js';

const serverUrl = (): string => {
  const url = process.env.TEST_DATABASE_SERVER_URL;
  if (!url) throw new Error('TEST_DATABASE_SERVER_URL is not set: run the tests through npm test');
  return url;
};

describe('LossTolerantClient', () => {
  it('survives losing its server between queries: the next query fails, the process goes on', async () => {
    const client = new LossTolerantClient({ connectionString: serverUrl() });
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));

    // As when the server dies while the client is held between two queries of a transaction.
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    } finally {
      await admin.end();
    }
    await ended;

    await expect(client.query('SELECT 1')).rejects.toThrow(/not queryable|terminated/);
    await client.end().catch(() => undefined);
  });
});
