import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';
import type { Projection } from './projection.js';

/** Where a rebuild builds; dropped when it ends, whichever way. */
export const REBUILD_SCHEMA = 'rebuild_read_models';

export interface RebuildOptions {
  /** The checkpoint row the rebuilt tables belong to. */
  readonly name: string;
  /** Applies every event to the read models `building` sees; answers how many and up to where. */
  readonly catchUp: (building: DataSource) => Promise<{ applied: number; position: number }>;
}

/**
 * Builds the projections' tables anew beside the live ones and swaps them in, in one
 * transaction, only once every event is applied. Until then the live read models answer as
 * before; a rebuild that fails leaves them, and their checkpoint, as they were.
 *
 * The new tables are copies of the live ones' definitions (columns, defaults, generated
 * columns, checks, and every index and key under its own name), so a later migration finds
 * the names it expects. Read-model tables must not use serial columns (an identity column
 * is copied with a sequence of its own; a serial one would still point at the old table's).
 *
 * Keys and unique indexes are there from the start (the projections look rows up by them and
 * upsert on them); the other indexes, which only the reads use, are built once the tables are
 * full: one sorted build each costs the server far less than keeping them up to date row by
 * row through the whole catch-up (the statistics facts alone have five).
 */
export const rebuildIntoNewTables = async (
  dataSource: DataSource,
  projections: readonly Projection[],
  options: RebuildOptions,
): Promise<{ applied: number; position: number }> => {
  const tables = [...new Set(projections.flatMap((projection) => projection.tables))];
  // A rebuild that crashed may have left its schema behind.
  await dataSource.query(`DROP SCHEMA IF EXISTS ${REBUILD_SCHEMA} CASCADE`);
  await dataSource.query(`CREATE SCHEMA ${REBUILD_SCHEMA}`);
  try {
    const readIndexes: string[] = [];
    await dataSource.transaction(async (tx) => {
      for (const table of [...tables, 'projection_checkpoint']) {
        readIndexes.push(...(await copyDefinition(tx, table)));
      }
    });
    const built = await buildIn(dataSource, options.catchUp, readIndexes);
    await dataSource.transaction(async (tx) => {
      // Taken first, as every batch does: a runner still applying waits, then finds it moved.
      await tx.query(
        `INSERT INTO public.projection_checkpoint (name, position) VALUES ($1, 0)
         ON CONFLICT (name) DO UPDATE SET name = excluded.name`,
        [options.name],
      );
      for (const table of tables) {
        await tx.query(`DROP TABLE public.${table}`);
        await tx.query(`ALTER TABLE ${REBUILD_SCHEMA}.${table} SET SCHEMA public`);
      }
      await tx.query(
        `UPDATE public.projection_checkpoint SET position = $2, updated_at = now(), stall = NULL
         WHERE name = $1`,
        [options.name, built.position],
      );
    });
    return built;
  } finally {
    await dataSource.query(`DROP SCHEMA IF EXISTS ${REBUILD_SCHEMA} CASCADE`);
  }
};

/** Runs the projections on a DataSource whose unqualified table names are the new tables. */
const buildIn = async (
  dataSource: DataSource,
  catchUp: RebuildOptions['catchUp'],
  readIndexes: readonly string[],
): Promise<{ applied: number; position: number }> => {
  const live = dataSource.options as DataSourceOptions & { extra?: { options?: string } };
  const building = new DataSource({
    ...live,
    migrationsRun: false,
    synchronize: false,
    extra: {
      ...live.extra,
      max: 4,
      options: [live.extra?.options, `-c search_path=${REBUILD_SCHEMA},public`]
        .filter(Boolean)
        .join(' '),
    },
  } as DataSourceOptions);
  await building.initialize();
  try {
    const built = await catchUp(building);
    for (const index of readIndexes) await building.query(index);
    // Fresh tables have no planner statistics yet; reports would plan blind until autovacuum.
    await building.query(`ANALYZE`);
    return built;
  } finally {
    await building.destroy();
  }
};

/**
 * An empty table like public.<table>, with its constraints and unique indexes under their
 * names; answers the statements that make its other indexes, to run once it is filled.
 */
const copyDefinition = async (tx: EntityManager, table: string): Promise<string[]> => {
  await tx.query(
    `CREATE TABLE ${REBUILD_SCHEMA}.${table}
       (LIKE public.${table} INCLUDING ALL EXCLUDING INDEXES)`,
  );
  const indexes: {
    def: string;
    isUnique: boolean;
    constraint: string | null;
    constraintDef: string | null;
  }[] = await tx.query(
    `SELECT pg_get_indexdef(x.indexrelid) AS def, x.indisunique AS "isUnique",
            c.conname AS constraint, pg_get_constraintdef(c.oid) AS "constraintDef"
     FROM pg_index x
     LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid
       AND c.contype IN ('p', 'u', 'x')
     WHERE x.indrelid = $1::regclass
     ORDER BY x.indexrelid`,
    [`public.${table}`],
  );
  const readIndexes: string[] = [];
  for (const { def, isUnique, constraint, constraintDef } of indexes) {
    if (constraint && constraintDef) {
      await tx.query(
        `ALTER TABLE ${REBUILD_SCHEMA}.${table} ADD CONSTRAINT ${constraint} ${constraintDef}`,
      );
      continue;
    }
    const on = ` ON public.${table} `;
    if (!def.includes(on)) throw new Error(`Cannot copy index of ${table}: ${def}`);
    const create = def.replace(on, ` ON ${REBUILD_SCHEMA}.${table} `);
    if (isUnique) await tx.query(create);
    else readIndexes.push(create);
  }
  return readIndexes;
};
