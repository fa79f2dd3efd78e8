import type { DataSource, QueryRunner } from 'typeorm';

/**
 * The longest a report's statement may run. A full-year report at 400,000 deltaganden takes
 * about 0.3 s and a ten-year one a few seconds; past this a statement is cancelled
 * (SQLSTATE 57014) and the client is told to retry, instead of holding connections.
 */
export const REPORT_STATEMENT_TIMEOUT_MS = 15_000;

export interface SnapshotOptions {
  readonly statementTimeoutMs?: number;
}

export interface BoundQuery {
  readonly text: string;
  readonly params: unknown[];
}

/**
 * Connections that snapshots may hold at once, per DataSource: the pool's size less four, kept
 * for commands, reads and /health. A snapshot takes all its connections at once or waits, so
 * reports that each hold part of what they need can never wait on one another for ever.
 */
class ConnectionPermits {
  private readonly waiting: { n: number; grant: () => void }[] = [];
  constructor(private free: number) {}

  async acquire(n: number): Promise<void> {
    if (this.waiting.length === 0 && this.free >= n) {
      this.free -= n;
      return;
    }
    await new Promise<void>((grant) => this.waiting.push({ n, grant }));
  }

  release(n: number): void {
    this.free += n;
    while (this.waiting.length > 0 && this.waiting[0]!.n <= this.free) {
      const next = this.waiting.shift()!;
      this.free -= next.n;
      next.grant();
    }
  }
}

const permits = new WeakMap<DataSource, ConnectionPermits>();

/** How many connections one DataSource's snapshots share (see ConnectionPermits). */
export const snapshotConnections = (dataSource: DataSource): number => {
  const extra = (dataSource.options as { extra?: { max?: unknown } }).extra;
  const pool = typeof extra?.max === 'number' ? extra.max : 10;
  return Math.max(1, pool - 4);
};

const permitsOf = (dataSource: DataSource): ConnectionPermits => {
  let found = permits.get(dataSource);
  if (!found)
    permits.set(dataSource, (found = new ConnectionPermits(snapshotConnections(dataSource))));
  return found;
};

/**
 * Runs each group of queries on a connection of its own, the groups side by side, all reading
 * one snapshot: the first connection exports it (`pg_export_snapshot`), the others import it.
 * The transactions are REPEATABLE READ READ ONLY, so they take no transaction id and never
 * hold back the event store's readers. Each statement is cancelled after the statement
 * timeout. Returns each query's rows, in the shape given. With more groups than the
 * DataSource's snapshots may hold connections (snapshotConnections), groups share connections
 * in turn.
 */
export const inOneSnapshot = async (
  dataSource: DataSource,
  groups: readonly (readonly BoundQuery[])[],
  { statementTimeoutMs = REPORT_STATEMENT_TIMEOUT_MS }: SnapshotOptions = {},
): Promise<unknown[][][]> => {
  const timeout = `SET LOCAL statement_timeout = ${Math.max(1, Math.trunc(statementTimeoutMs))}`;
  // No JIT compilation: a report's statements are large (dozens of expressions each) but read
  // only tens of thousands of rows, so compiling them cost more than it saved. A period over
  // two calendar years is estimated above jit_optimize_above_cost, and LLVM's optimisation
  // and emission of its 175 functions took seconds (jamfor=foregaende of a leap year), while
  // at full scale even a one-year report crossed jit_above_cost.
  // No parallel workers either: a report already runs its statements side by side on the
  // machine's cores, and starting a worker for the uppföljning join cost more (about 90 ms at
  // full scale) than the work it shared.
  const settings = `${timeout}; SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0`;
  const gate = permitsOf(dataSource);
  const lanes = Math.max(1, Math.min(groups.length, snapshotConnections(dataSource)));
  await gate.acquire(lanes);
  const runners: QueryRunner[] = Array.from({ length: lanes }, () =>
    dataSource.createQueryRunner(),
  );
  let open = false;
  try {
    await Promise.all(runners.map((runner) => runner.connect()));
    open = true;
    const [first, ...others] = runners;
    await first!.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await first!.query(settings);
    const [{ snapshot }] = (await first!.query('SELECT pg_export_snapshot() AS snapshot')) as [
      { snapshot: string },
    ];
    await Promise.all(
      others.map(async (runner) => {
        await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        await runner.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
        await runner.query(settings);
      }),
    );
    const results: unknown[][][] = groups.map(() => []);
    await Promise.all(
      runners.map(async (runner, lane) => {
        for (let index = lane; index < groups.length; index += lanes) {
          for (const query of groups[index]!) {
            results[index]!.push((await runner.query(query.text, query.params)) as unknown[]);
          }
        }
      }),
    );
    // The first transaction keeps the snapshot alive until every import has run.
    await Promise.all(runners.map((runner) => runner.query('COMMIT')));
    open = false;
    return results;
  } finally {
    await Promise.all(
      runners.map(async (runner) => {
        if (open) await runner.query('ROLLBACK').catch(() => undefined);
        await runner.release();
      }),
    );
    gate.release(lanes);
  }
};
