// Plain ESM: jest loads globalSetup outside its module transform. It only starts the server;
// test files build the migrated template database on first use (test-database.ts).
import { startPostgres } from '../../libs/platform/src/database/postgres-server.mjs';
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
  // The same start as the application's: as root it runs as the postgres user, with the
  // binaries copied where that user can reach them when the checkout keeps others out.
  const server = await startPostgres({
    dataDir: dir,
    port,
    password,
    flags: [
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
  });
  globalThis.testPostgres = { server, dir };
  process.env.TEST_DATABASE_SERVER_URL = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
}
