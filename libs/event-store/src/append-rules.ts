import type { ExpectedRevision, NewEvent, StreamAppend } from './event-store.js';

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

/** An append to several streams: each part valid, each stream once, the total within one block. */
export const assertValidAppends = (appends: readonly StreamAppend[]): void => {
  if (appends.length === 0) throw new RangeError('No streams to append to');
  const streams = new Set<string>();
  let total = 0;
  for (const { streamId, events, expectedRevision } of appends) {
    assertValidAppend(streamId, events, expectedRevision);
    if (streams.has(streamId))
      throw new RangeError(`Stream ${streamId} appears twice in one append`);
    streams.add(streamId);
    total += events.length;
  }
  if (total > MAX_EVENTS_PER_APPEND)
    throw new RangeError(`${total} events exceed ${MAX_EVENTS_PER_APPEND} per append`);
};
