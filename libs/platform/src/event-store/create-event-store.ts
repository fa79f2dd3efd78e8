import { KurrentDbEventStore, PostgresEventStore, type EventStore } from '#event-store';
import type { AppConfig } from '../config/app-config.js';

/** The configured event store: PostgreSQL (the application database) or KurrentDB. */
export const createEventStore = async (
  config: AppConfig,
  databaseUrl: string,
): Promise<EventStore> => {
  switch (config.eventStore) {
    case 'postgres':
      return PostgresEventStore.create({ connectionString: databaseUrl });
    case 'kurrentdb':
      // loadConfig requires KURRENTDB_URL with EVENT_STORE=kurrentdb.
      return KurrentDbEventStore.create({ connectionString: config.kurrentDbUrl! });
  }
};
