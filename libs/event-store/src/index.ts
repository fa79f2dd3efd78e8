export * from './event-store.js';
export { MAX_EVENTS_PER_APPEND } from './append-rules.js';
export { isDatabaseUnavailable } from './unavailable.js';
export { LossTolerantClient } from './postgres/loss-tolerant-client.js';
export { InMemoryEventStore, type InMemoryEventStoreOptions } from './in-memory-event-store.js';
export { EVENT_STORE_SCHEMA_VERSION, migrateEventStore } from './postgres/event-store-schema.js';
export {
  PostgresEventStore,
  appendInTransaction,
  type PostgresEventStoreOptions,
} from './postgres/postgres-event-store.js';
export {
  KURRENTDB_DEFAULT_STREAM_PREFIXES,
  KurrentDbEventStore,
  type KurrentDbClientLike,
  type KurrentDbEventStoreOptions,
} from './kurrentdb/kurrentdb-event-store.js';
export {
  CopyVerificationError,
  copyEvents,
  digestEventStore,
  type CopyEventsOptions,
  type CopyEventsResult,
  type EventStoreDigest,
} from './copy/copy-events.js';
