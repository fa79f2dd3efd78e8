import { PostgresEventStore } from '#event-store';
import { ProjectionRunner, readModelProjections } from '#projections';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options.js';

/**
 * Applies all events again from position 0 into new tables and swaps them in once all are
 * applied; on failure the read models stay as they were. Run it with the API stopped (or
 * PROJECTIONS=off), since a live runner would race the swap for the checkpoint.
 */
export const rebuildProjections = async (databaseUrl: string): Promise<number> => {
  const store = await PostgresEventStore.create({ connectionString: databaseUrl });
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    return await new ProjectionRunner(store, dataSource, readModelProjections()).rebuild();
  } finally {
    await dataSource.destroy();
    await store.close();
  }
};
