import { PostgresEventStore, type EventStore } from '#event-store';
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
      throw new Error(
        'EVENT_STORE=kurrentdb: the KurrentDB adapter is not available in this version',
      );
  }
};
