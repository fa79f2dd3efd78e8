import { assertValidAppend, assertValidAppends } from './append-rules.js';
import {
  ConcurrencyError,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExclusiveAppender,
  type ExpectedRevision,
  type FollowOptions,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
  type StreamAppend,
} from './event-store.js';
import { AppendSignal, followByPolling } from './follow-by-polling.js';

export interface InMemoryEventStoreOptions {
  /** Clock for `recordedAt`; tests pass a fixed one. */
  readonly now?: () => Date;
}

/** The port in process memory, for unit tests. Positions are 1, 2, 3, … */
export class InMemoryEventStore implements EventStore {
  private readonly events: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly appendSignal = new AppendSignal();
  private readonly closing = new AbortController();
  private readonly now: () => Date;
  /** Streams `exclusively` holds, each with the end of its latest holder's work. */
  private readonly held = new Map<string, Promise<unknown>>();

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    this.assertOpen();
    assertValidAppend(streamId, events, options.expectedRevision);
    const { guard } = options;
    if (guard) {
      const length = this.streams.get(guard.streamId)?.length ?? 0;
      const actual = length === 0 ? 'no-stream' : length - 1;
      if (this.held.has(guard.streamId) || actual !== guard.revision)
        throw new ConcurrencyError(guard.streamId, guard.revision, actual);
    }
    return this.appendNow(streamId, events, options.expectedRevision);
  }

  /** In memory the appends of `work` take effect at once (not only when it returns). */
  async exclusively<T>(
    streamId: string,
    work: (appender: ExclusiveAppender) => Promise<T>,
  ): Promise<T> {
    this.assertOpen();
    const before = this.held.get(streamId);
    const appender: ExclusiveAppender = {
      appendToStream: (id, events, options) =>
        this.appendToStream(id, events, { expectedRevision: options.expectedRevision }),
    };
    const done = (async () => {
      await before?.catch(() => undefined);
      return work(appender);
    })();
    this.held.set(streamId, done);
    try {
      return await done;
    } finally {
      if (this.held.get(streamId) === done) this.held.delete(streamId);
    }
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    this.assertOpen();
    assertValidAppends(appends);
    // Every check before the first write, and nothing awaited in between: all or nothing.
    for (const { streamId, expectedRevision } of appends) {
      const length = this.streams.get(streamId)?.length ?? 0;
      const actual = length === 0 ? 'no-stream' : length - 1;
      if (expectedRevision !== 'any' && expectedRevision !== actual)
        throw new ConcurrencyError(streamId, expectedRevision, actual);
    }
    return appends.map(({ streamId, events, expectedRevision }) =>
      this.appendNow(streamId, events, expectedRevision),
    );
  }

  private appendNow(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): AppendResult {
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length === 0 ? 'no-stream' : stream.length - 1;
    if (expected !== 'any' && expected !== actual) {
      throw new ConcurrencyError(streamId, expected, actual);
    }
    const recordedAt = this.now();
    // Copies, so a caller mutating its objects afterwards cannot change history.
    const recorded = events.map((event, index): RecordedEvent => ({
      streamId,
      type: event.type,
      data: structuredClone(event.data),
      metadata: structuredClone(event.metadata),
      revision: stream.length + index,
      position: this.events.length + index + 1,
      recordedAt: new Date((event.recordedAt ?? recordedAt).getTime()),
    }));
    stream.push(...recorded);
    this.streams.set(streamId, stream);
    this.events.push(...recorded);
    const last = recorded[recorded.length - 1]!;
    this.appendSignal.appended(last.position);
    return { revision: last.revision, position: last.position };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    this.assertOpen();
    return (this.streams.get(streamId) ?? []).map(copy);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    // Position p sits at index p - 1.
    const from = Math.max(0, Math.floor(options.after));
    return this.events.slice(from, from + options.limit).map(copy);
  }

  follow(options: FollowOptions): AsyncIterable<RecordedEvent[]> {
    const signal = AbortSignal.any([options.signal, this.closing.signal]);
    return followByPolling((o) => this.readAll(o), this.appendSignal, { ...options, signal });
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.events.length;
  }

  async close(): Promise<void> {
    this.closing.abort();
  }

  private assertOpen(): void {
    if (this.closing.signal.aborted) throw new Error('The event store is closed');
  }
}

const copy = (event: RecordedEvent): RecordedEvent => ({
  ...event,
  data: structuredClone(event.data),
  metadata: structuredClone(event.metadata),
  recordedAt: new Date(event.recordedAt.getTime()),
});
