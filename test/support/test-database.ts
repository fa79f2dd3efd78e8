import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateDatabase } from '#platform';
import { MIGRATIONS } from '../../apps/api/src/database/data-source-options.js';

const TEMPLATE = 'deltagarflode_test_template';
/** Arbitrary advisory-lock key shared by every test worker of a run. */
const TEMPLATE_LOCK = 7_351_204;

const withDatabase = (serverUrl: string, database: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

const serverUrl = (): string => {
  const url = process.env.TEST_DATABASE_SERVER_URL;
  if (!url) throw new Error('TEST_DATABASE_SERVER_URL is not set: run the tests through npm test');
  return url;
};

/** The first worker to get here migrates the template; the others wait on the lock. */
const ensureTemplate = async (client: pg.Client): Promise<void> => {
  await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
    if (exists.rowCount === 0) {
      const building = `${TEMPLATE}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${building}`);
      await client.query(`CREATE DATABASE ${building}`);
      await migrateDatabase(withDatabase(serverUrl(), building), MIGRATIONS);
      await client.query(`ALTER DATABASE ${building} RENAME TO ${TEMPLATE}`);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
};

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

const onServer = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** A fresh, migrated database of its own for one test file. */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await onServer(async (client) => {
    await ensureTemplate(client);
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  });
  return {
    name,
    url: withDatabase(serverUrl(), name),
    drop: () =>
      onServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
};

/** Guards destructive helpers: they refuse any database whose name lacks "test". */
export const assertTestDatabase = (url: string): void => {
  const name = new URL(url).pathname.slice(1);
  if (!name.includes('test')) throw new Error(`Refusing to touch non-test database "${name}"`);
};
