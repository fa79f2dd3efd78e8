import pg from 'pg';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import type { DatabaseSchema } from './data-source-options.js';
import { migrateDatabase } from './migrate.js';

const EMBEDDED_DATABASE = 'deltagarflode';

export interface Database {
  readonly url: string;
  /** Stops the embedded server; nothing for an external one. */
  stop(): Promise<void>;
}

const ensureDatabase = async (serverUrl: string, name: string): Promise<string> => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** DATABASE_URL, or PostgreSQL started from DATA_DIR (durable defaults); migrated either way. */
export const openDatabase = async (
  config: AppConfig,
  options: {
    readonly log: (message: string) => void;
    readonly migrations: NonNullable<DatabaseSchema['migrations']>;
  },
): Promise<Database> => {
  const { log, migrations } = options;
  if (config.databaseUrl) {
    await migrateDatabase(config.databaseUrl, migrations);
    return { url: config.databaseUrl, stop: async () => undefined };
  }
  log(`Startar inbyggd PostgreSQL med data i ${config.dataDir}`);
  const server = await startEmbeddedPostgres({
    dataDir: join(config.dataDir),
    durable: true,
    notify: log,
  });
  try {
    const url = await ensureDatabase(server.url, EMBEDDED_DATABASE);
    await migrateDatabase(url, migrations);
    return { url, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
};
