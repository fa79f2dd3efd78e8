import { LossTolerantClient } from '#event-store';
import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';

// Civil dates stay strings (no timezone shifts); bigint positions and counts become numbers
// (positions stay far below 2^53). Set here because every process that reads the database
// (API, projector, CLI) builds its DataSource through this module.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** What a process maps and migrates; the platform itself knows no tables. */
export interface DatabaseSchema {
  readonly entities: NonNullable<DataSourceOptions['entities']>;
  readonly migrations?: DataSourceOptions['migrations'];
}

export const typeOrmOptions = (url: string, schema: DatabaseSchema): DataSourceOptions => ({
  type: 'postgres',
  url,
  entities: schema.entities,
  migrations: schema.migrations ?? [],
  migrationsTableName: 'schema_migration',
  synchronize: false,
  // Off: TypeORM's error log prints query parameters (password hashes, later personal data).
  // Failures still surface as errors, which the exception filter logs without parameters.
  logging: false,
  // A report groups ~100k rows several ways; with the stock 4 MB those sorts spill to disk.
  // Clients that survive the database going away mid-transaction (503, then recovery).
  extra: { max: 10, options: '-c work_mem=64MB', Client: LossTolerantClient },
});
