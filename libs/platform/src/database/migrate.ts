import { migrateEventStore } from '#event-store';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { typeOrmOptions, type DatabaseSchema } from './data-source-options.js';

/** Brings a database to the current schema: event store tables, then the given migrations. */
export const migrateDatabase = async (
  url: string,
  migrations: NonNullable<DatabaseSchema['migrations']>,
): Promise<void> => {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await migrateEventStore(pool);
  } finally {
    await pool.end();
  }
  const dataSource = new DataSource(typeOrmOptions(url, { entities: [], migrations }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
};
