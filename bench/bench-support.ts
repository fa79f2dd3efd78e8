import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '#platform';
import pg from 'pg';

/** Samples the process's resident memory every 50 ms; `peakRss` is the highest seen. */
export class PeakMemory {
  peakRss = process.memoryUsage.rss();
  private readonly timer = setInterval(() => this.sample(), 50);
  /** rss() alone: memoryUsage() also walks the heap, which cost the import bench 1 % of its CPU. */
  sample(): void {
    this.peakRss = Math.max(this.peakRss, process.memoryUsage.rss());
  }
  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

export const withDatabase = (serverUrl: string, database: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

export const adminQuery = async (serverUrl: string, sql: string): Promise<void> => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

export const positiveInt = (name: string, value: string): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer`);
  return n;
};

export interface BenchDatabase {
  readonly url: string;
  /** Drops the database, and stops the server if the bench started it. */
  drop(): Promise<void>;
}

/**
 * A fresh database for a benchmark: on DATABASE_URL's server when set, otherwise on an
 * embedded PostgreSQL at durable settings in a temporary directory.
 */
export const openBenchDatabase = async (
  prefix: string,
  serverUrlFromEnv: string | undefined,
): Promise<BenchDatabase> => {
  let serverUrl = serverUrlFromEnv;
  let stopServer = async (): Promise<void> => undefined;
  if (!serverUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'deltagarflode-bench-'));
    const server = await startEmbeddedPostgres({ dataDir, durable: true });
    serverUrl = server.url;
    stopServer = async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const database = `${prefix}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${database}`);
  const url = withDatabase(serverUrl, database);
  return {
    url,
    drop: async () => {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await stopServer();
    },
  };
};

/**
 * `runner.catchUp()` until the projections have applied the store's head. A catch-up stops
 * below the oldest transaction open anywhere on the server (so positions stay free of gaps),
 * and another database busy on the same server can hold it short of events already committed:
 * a benchmark that measured after one catch-up would measure read models missing the last
 * events (a kept database lacked its last 76 late versions that way).
 */
export const catchUpToHead = async (
  runner: { catchUp(): Promise<number>; state(): Promise<{ position: number }> },
  store: { headPosition(): Promise<number> },
): Promise<number> => {
  const head = await store.headPosition();
  let applied = await runner.catchUp();
  while ((await runner.state()).position < head) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    applied += await runner.catchUp();
  }
  return applied;
};
