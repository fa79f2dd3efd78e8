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
    const applied = await new ProjectionRunner(store, dataSource, readModelProjections()).rebuild();
    // A rebuild may give the read models other rows for the same events (a projection fixed
    // since): the exports' positions no longer say what changed, so each is compared by its
    // report again (see ReportRecorder).
    await dataSource.query('UPDATE rapport SET lasposition = NULL WHERE lasposition IS NOT NULL');
    return applied;
  } finally {
    await dataSource.destroy();
    await store.close();
  }
};
