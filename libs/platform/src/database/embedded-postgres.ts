import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPostgres, type PostgresProcess } from './postgres-server.mjs';

export { PostgresStartError, startPostgres, stopOrphanedServer } from './postgres-server.mjs';

export interface RunningPostgres {
  /** Connection URL of the server's maintenance database (`postgres`). */
  readonly url: string;
  /** The server's process id right now (it changes when the supervisor restarts it). */
  readonly pid: number;
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
  /** PostgreSQL's own output, line by line. */
  readonly log?: (message: string) => void;
  /** The supervisor's news: the server died, is restarting, is back. */
  readonly notify?: (message: string) => void;
  /** First wait before a restart; it doubles up to maxRestartDelayMs. */
  readonly restartDelayMs?: number;
  readonly maxRestartDelayMs?: number;
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

/**
 * Starts PostgreSQL from `dataDir` and keeps it running: when the server dies (killed,
 * crashed, OOM) it is started again on the same port, with back-off, so the application's
 * pools reconnect to the same URL and carry on without a restart of their own.
 */
export const startEmbeddedPostgres = async (
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> => {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const password = clusterPassword(options.dataDir);
  const port = await freePort();
  const notify = options.notify ?? (() => undefined);
  const firstDelay = options.restartDelayMs ?? 500;
  const maxDelay = options.maxRestartDelayMs ?? 30_000;
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
  const start = (): Promise<PostgresProcess> =>
    startPostgres({
      dataDir: options.dataDir,
      port,
      password,
      flags,
      log: notify,
      ...(options.log ? { output: options.log } : {}),
    });

  let server = await start();
  const stopping = new AbortController();

  const supervise = async (): Promise<void> => {
    while (!stopping.signal.aborted) {
      const { code, signal } = await server.exited;
      if (stopping.signal.aborted) return;
      notify(
        `Inbyggd PostgreSQL avslutades oväntat (kod ${code}, signal ${signal}); startar om den`,
      );
      let delay = firstDelay;
      let lastFailure: string | undefined;
      for (;;) {
        await sleep(delay, undefined, { signal: stopping.signal }).catch(() => undefined);
        if (stopping.signal.aborted) return;
        try {
          server = await start();
          // Stopped meanwhile: stop() stops this one once the supervisor is done.
          if (stopping.signal.aborted) return;
          notify(`Inbyggd PostgreSQL är igång igen (pid ${server.pid})`);
          break;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          // Said once per kind of failure, not at every retry.
          if (message !== lastFailure) {
            notify(`Inbyggd PostgreSQL gick inte att starta om; försöker igen: ${message}`);
          }
          lastFailure = message;
          delay = Math.min(delay * 2, maxDelay);
        }
      }
    }
  };
  const supervising = supervise();

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    get pid() {
      return server.pid;
    },
    stop: async () => {
      stopping.abort();
      await server.stop();
      await supervising;
      await server.stop();
    },
  };
};
