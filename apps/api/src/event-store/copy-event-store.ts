import { copyEvents, migrateEventStore, PostgresEventStore, type EventStore } from '#event-store';
import pg from 'pg';
import { createEventStore, type AppConfig, type EventStoreKind } from '#platform';

const open = async (
  kind: EventStoreKind,
  config: AppConfig,
  databaseUrl: string,
): Promise<EventStore> => {
  if (kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    try {
      await migrateEventStore(pool);
    } finally {
      await pool.end();
    }
    return PostgresEventStore.create({ connectionString: databaseUrl });
  }
  return createEventStore({ ...config, eventStore: kind }, databaseUrl);
};

/**
 * `npm run cli -- event-store:copy --from postgres --to kurrentdb` (or the reverse), with the
 * API stopped. A re-run resumes; it ends by comparing counts and hashes of both stores.
 */
export const copyEventStore = async (
  config: AppConfig,
  databaseUrl: string,
  from: EventStoreKind,
  to: EventStoreKind,
  log: (message: string) => void,
): Promise<string> => {
  if (from === to) throw new Error('--from och --to måste vara olika händelselager');
  const source = await open(from, config, databaseUrl);
  try {
    const target = await open(to, config, databaseUrl);
    try {
      const result = await copyEvents(source, target, { batchSize: 500, log });
      return (
        `Kopierade ${result.copied} händelser (${result.skipped} fanns redan) från ${from} till ${to}; ` +
        `båda har ${result.target.count} händelser med kontrollsumman ${result.target.hash}`
      );
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
};
