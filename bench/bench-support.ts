import pg from 'pg';

/** Samples the process's resident memory every 50 ms; `peakRss` is the highest seen. */
export class PeakMemory {
  peakRss = process.memoryUsage().rss;
  private readonly timer = setInterval(() => this.sample(), 50);
  sample(): void {
    this.peakRss = Math.max(this.peakRss, process.memoryUsage().rss);
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
