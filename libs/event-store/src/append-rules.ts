import type { ExpectedRevision, NewEvent } from './event-store.js';

/**
 * Most events one append (and one PostgreSQL transaction) may hold: the PostgreSQL adapter
 * numbers a transaction's events inside a block of this size. Every adapter enforces it, so
 * code that passes the in-memory tests also runs on PostgreSQL.
 */
export const MAX_EVENTS_PER_APPEND = 4096;

/** Rejects appends that no adapter can store: a programming error, not a conflict. */
export const assertValidAppend = (
  streamId: string,
  events: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
): void => {
  if (streamId.length === 0) throw new RangeError('Stream id must not be empty');
  if (events.length === 0) throw new RangeError(`Stream ${streamId}: nothing to append`);
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw new RangeError(
      `Stream ${streamId}: ${events.length} events exceed ${MAX_EVENTS_PER_APPEND} per append`,
    );
  }
  if (
    typeof expectedRevision === 'number' &&
    !(Number.isSafeInteger(expectedRevision) && expectedRevision >= 0)
  ) {
    throw new RangeError(`Stream ${streamId}: invalid expected revision ${expectedRevision}`);
  }
};
