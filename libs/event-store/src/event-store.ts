/** What every stored event carries beside its data: who, and which request chain. */
export interface EventMetadata {
  readonly userId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /**
   * The command's idempotency key (an opaque id), on every event it appended: a retry finds
   * in the stream that it already happened, whatever crashed before the answer was stored.
   */
  readonly idempotencyKey?: string;
  /** Where the fact came from when not a user's command: `import` (a file brought in). */
  readonly kalla?: 'import';
  /** The import job that wrote the event. */
  readonly importId?: string;
  /** The förbund's own key of the imported row (never a personnummer). */
  readonly externtId?: string;
}

/** An event to append. */
export interface NewEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
  /**
   * Only for copying history between stores (`copyEvents`): the original time, kept instead of
   * the store's clock so `asOf` reports stay reproducible. Normal appends leave it out.
   */
  readonly recordedAt?: Date;
}

/** One stream's part of an append to several streams. */
export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision: ExpectedRevision;
}

/** An event as stored. */
export interface RecordedEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
  /** 0-based revision of the event within its stream. */
  readonly revision: number;
  /**
   * Global position: unique, and strictly increasing in the order readAll returns events.
   * Consecutive positions need not be adjacent numbers.
   */
  readonly position: number;
  /** When the store recorded the event (UTC). */
  readonly recordedAt: Date;
}

/**
 * The stream's revision the writer saw: a number (the revision of its last event),
 * `'no-stream'` (the stream must not exist yet) or `'any'` (no check).
 */
export type ExpectedRevision = number | 'no-stream' | 'any';

/**
 * A condition on another stream that an append depends on: the append happens only if that
 * stream is still at `revision` and no `exclusively(streamId, …)` holds it meanwhile; otherwise
 * it throws ConcurrencyError naming the guard's stream and appends nothing. A deltagande
 * registered against an insats as it was at revision r is thus never appended after the insats
 * changed, nor while an avslut of the insats checks its deltaganden.
 */
export interface AppendGuard {
  readonly streamId: string;
  readonly revision: number;
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
  readonly guard?: AppendGuard;
}

/** The appends made inside `exclusively`: they take effect with its end, all or nothing. */
export interface ExclusiveAppender {
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
}

export interface AppendResult {
  /** Revision of the last appended event. */
  readonly revision: number;
  /** Global position of the last appended event. */
  readonly position: number;
}

export interface ReadAllOptions {
  /** Exclusive lower bound; 0 reads from the beginning. */
  readonly after: number;
  readonly limit: number;
}

export interface FollowOptions extends ReadAllOptions {
  readonly signal: AbortSignal;
  /** Longest wait between polls when nothing new was appended through this process. */
  readonly pollIntervalMs?: number;
}

/**
 * The event store port. Adapters: PostgreSQL (default), in-memory (tests), KurrentDB.
 * A reader that has passed position p never later finds an event below p: readAll only
 * returns events once no earlier-positioned event can still appear.
 */
export interface EventStore {
  /**
   * Appends atomically; a stale expectedRevision (or a guard that no longer holds, see
   * AppendGuard) throws ConcurrencyError and appends nothing.
   */
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult>;
  /**
   * Runs `work` holding `streamId` against guarded appends (AppendGuard naming it): while it
   * runs, such appends fail at once with ConcurrencyError instead of waiting (so they hold no
   * connection), and every one that succeeded before it began has committed. The appends `work`
   * makes through the given appender commit when it returns and are dropped if it throws.
   * Check-then-append of a rule over the stream's dependants (no open deltagande when an
   * insats ends) is safe inside. (KurrentDB cannot: see its adapter.)
   */
  exclusively<T>(streamId: string, work: (appender: ExclusiveAppender) => Promise<T>): Promise<T>;
  /**
   * Appends to several distinct streams, in the order given, each at its expected revision:
   * all or nothing. A stale expectedRevision on any stream throws ConcurrencyError naming that
   * stream and appends nothing anywhere. At most MAX_EVENTS_PER_APPEND events in all. (The
   * KurrentDB adapter cannot span streams in one transaction: it appends stream by stream and
   * stops at the first conflict, so the streams before it stay written.)
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /** Every event of the stream in revision order; [] for a stream that does not exist. */
  readStream(streamId: string): Promise<RecordedEvent[]>;
  /** Up to `limit` events after `after`, in position order. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Batches from `after` on, waiting for new events when caught up, until the signal aborts.
   * Each yielded batch is non-empty and starts after the previous batch's last position.
   */
  follow(options: FollowOptions): AsyncIterable<RecordedEvent[]>;
  /** Position of the newest committed event, 0 when the store is empty. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}

export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no-stream',
  ) {
    super(
      `Stream ${streamId}: expected revision ${String(expected)}, but it is at ${String(actual)}`,
    );
    this.name = 'ConcurrencyError';
  }
}
