import type { DataSource, QueryRunner } from 'typeorm';

export interface BoundQuery {
  readonly text: string;
  readonly params: unknown[];
}

/**
 * Runs each group of queries on a connection of its own, the groups side by side, all reading
 * one snapshot: the first connection exports it (`pg_export_snapshot`), the others import it.
 * The transactions are REPEATABLE READ READ ONLY, so they take no transaction id and never
 * hold back the event store's readers. Returns each query's rows, in the shape given.
 */
export const inOneSnapshot = async (
  dataSource: DataSource,
  groups: readonly (readonly BoundQuery[])[],
): Promise<unknown[][][]> => {
  const runners: QueryRunner[] = groups.map(() => dataSource.createQueryRunner());
  let open = false;
  try {
    await Promise.all(runners.map((runner) => runner.connect()));
    open = true;
    const [first, ...others] = runners;
    await first!.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ snapshot }] = (await first!.query('SELECT pg_export_snapshot() AS snapshot')) as [
      { snapshot: string },
    ];
    await Promise.all(
      others.map(async (runner) => {
        await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        await runner.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
      }),
    );
    const results = await Promise.all(
      groups.map(async (queries, index) => {
        const rows: unknown[][] = [];
        for (const query of queries) {
          rows.push((await runners[index]!.query(query.text, query.params)) as unknown[]);
        }
        return rows;
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
  }
};
