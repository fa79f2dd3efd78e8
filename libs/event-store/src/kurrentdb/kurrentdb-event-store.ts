import {
  ANY,
  BACKWARDS,
  END,
  ErrorType,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendResult as KurrentAppendResult,
  type AppendStreamState,
  type EventData,
  type Filter,
  type Position,
  type ReadAllOptions as KurrentReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { assertValidAppend, assertValidAppends } from '../append-rules.js';
import {
  ConcurrencyError,
  type AppendOptions,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExclusiveAppender,
  type ExpectedRevision,
  type FollowOptions,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
  type StreamAppend,
} from '../event-store.js';
import { AppendSignal, followByPolling } from '../follow-by-polling.js';

/*
 * Positions. The port's `position` is the event's KurrentDB commit position (bigint → number;
 * the transaction log would have to pass 8 PiB before 2^53, so it stays exact). Reading "after"
 * p asks the server for `{ commit: p, prepare: p }`. That relies on commit = prepare for every
 * event we read: KurrentDB (EventStoreDB ≥ 20) writes each event of an append as its own
 * committed prepare record, so both coordinates are that record's log position. Only events
 * written in explicit transactions (a legacy TCP-client feature, or data from a pre-20 log)
 * differ, and several of those share one commit position: toRecordedEvent refuses them rather
 * than let a checkpoint skip or repeat events. A read from a position includes the event at it,
 * so readAll drops events at or below `after` itself.
 * Visibility: the log has a single writer and $all is read in log order, so an event becomes
 * readable only after every event below it: a reader never finds a later event below its
 * checkpoint (the port's ordering guarantee).
 */

/** The stream kinds of this service; readAll, follow and headPosition see only these. */
export const KURRENTDB_DEFAULT_STREAM_PREFIXES: readonly string[] = ['insats-', 'deltagande-'];

/** The calls the adapter makes; the real `KurrentDBClient` satisfies it, tests pass a fake. */
export interface KurrentDbClientLike {
  appendToStream(
    streamName: string,
    events: EventData[],
    options: { streamState: AppendStreamState },
  ): Promise<KurrentAppendResult>;
  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<ResolvedEvent>;
  readAll(options: KurrentReadAllOptions): AsyncIterable<AllStreamResolvedEvent>;
  dispose(): Promise<void>;
}

export interface KurrentDbEventStoreOptions {
  /** Stream-name prefixes readAll/follow/headPosition read; appends elsewhere are refused. */
  readonly streamPrefixes?: readonly string[];
  /**
   * Prepended to every stream name on the server and stripped on read, so several stores can
   * share one server without seeing each other (the contract tests use one per test).
   */
  readonly namespace?: string;
}

/** Metadata as stored in KurrentDB; `$correlationId`/`$causationId` feed its system projections. */
interface StoredMetadata {
  userId: string;
  correlationId: string;
  causationId: string;
  $correlationId: string;
  $causationId: string;
  idempotencyKey?: string;
  /** Only on copied events: the original recordedAt (ISO 8601), which `created` cannot carry. */
  recordedAt?: string;
}

const toStreamState = (expected: ExpectedRevision): AppendStreamState => {
  if (expected === 'any') return ANY;
  if (expected === 'no-stream') return NO_STREAM;
  return BigInt(expected);
};

const toStoredMetadata = (event: NewEvent): StoredMetadata => ({
  userId: event.metadata.userId,
  correlationId: event.metadata.correlationId,
  causationId: event.metadata.causationId,
  $correlationId: event.metadata.correlationId,
  $causationId: event.metadata.causationId,
  ...(event.metadata.idempotencyKey ? { idempotencyKey: event.metadata.idempotencyKey } : {}),
  ...(event.recordedAt ? { recordedAt: event.recordedAt.toISOString() } : {}),
});

/** The `{ commit, prepare }` to read after a port position; see "Positions" above. */
const toKurrentPosition = (position: number): Position => {
  const commit = BigInt(Math.floor(position));
  return { commit, prepare: commit };
};

const toSafeNumber = (value: bigint, what: string): number => {
  const number = Number(value);
  if (!Number.isSafeInteger(number))
    throw new RangeError(`KurrentDB ${what} ${value} exceeds 2^53`);
  return number;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !ArrayBuffer.isView(value);

const text = (...candidates: unknown[]): string => {
  const found = candidates.find((c) => typeof c === 'string');
  return typeof found === 'string' ? found : '';
};

const readMetadata = (raw: unknown): { metadata: EventMetadata; recordedAt?: Date } => {
  const stored = isRecord(raw) ? raw : {};
  const metadata: EventMetadata = {
    userId: text(stored['userId']),
    // Events written by other tools may only carry the KurrentDB convention.
    correlationId: text(stored['correlationId'], stored['$correlationId']),
    causationId: text(stored['causationId'], stored['$causationId']),
    ...(typeof stored['idempotencyKey'] === 'string'
      ? { idempotencyKey: stored['idempotencyKey'] }
      : {}),
  };
  const recordedAt =
    typeof stored['recordedAt'] === 'string' ? new Date(stored['recordedAt']) : undefined;
  return recordedAt && !Number.isNaN(recordedAt.getTime())
    ? { metadata, recordedAt }
    : { metadata };
};

const errorType = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;

/** The event store on KurrentDB (EventStoreDB), through `@kurrent/kurrentdb-client`. */
export class KurrentDbEventStore implements EventStore {
  private readonly prefixes: readonly string[];
  private readonly namespace: string;
  private readonly filter: Filter;
  private readonly appendSignal = new AppendSignal();
  private readonly closing = new AbortController();
  /** Streams `exclusively` holds in this process, each with the end of its latest holder's work. */
  private readonly held = new Map<string, Promise<unknown>>();
  /** Only a client the store created is disposed by close(). */
  private ownsClient = false;

  constructor(
    private readonly client: KurrentDbClientLike,
    options: KurrentDbEventStoreOptions = {},
  ) {
    this.prefixes = options.streamPrefixes ?? KURRENTDB_DEFAULT_STREAM_PREFIXES;
    this.namespace = options.namespace ?? '';
    if (this.prefixes.length === 0 || this.prefixes.some((p) => p.length === 0)) {
      throw new RangeError('KurrentDB stream prefixes must be non-empty strings');
    }
    // Server-side, so $all reads skip system and foreign streams without shipping them.
    this.filter = streamNameFilter({ prefixes: this.prefixes.map((p) => this.namespace + p) });
  }

  /** Connects through a connection string (`kurrentdb://…`) and checks that the server answers. */
  static async create(
    options: { readonly connectionString: string } & KurrentDbEventStoreOptions,
  ): Promise<KurrentDbEventStore> {
    const { connectionString, ...storeOptions } = options;
    const store = new KurrentDbEventStore(
      KurrentDBClient.connectionString(connectionString),
      storeOptions,
    );
    store.ownsClient = true;
    try {
      await store.headPosition();
    } catch (error) {
      await store.close();
      // The client's errors often carry no message; never echo the URL (it may hold a password).
      const reason = [String(errorType(error) ?? (error as Error).name), (error as Error).message]
        .filter(Boolean)
        .join(': ');
      throw new Error(`KurrentDB did not answer a read of $all: ${reason}`, { cause: error });
    }
    return store;
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    this.assertOpen();
    assertValidAppend(streamId, events, options.expectedRevision);
    if (!this.prefixes.some((prefix) => streamId.startsWith(prefix))) {
      // readAll could never return it, so projections would silently miss it.
      throw new RangeError(
        `Stream ${streamId} has none of the prefixes ${this.prefixes.join(', ')} this store reads`,
      );
    }
    if (options.guard) await this.checkGuard(options.guard.streamId, options.guard.revision);
    const expected = options.expectedRevision;
    let result: KurrentAppendResult;
    try {
      result = await this.client.appendToStream(
        this.namespace + streamId,
        events.map((event) =>
          jsonEvent({ type: event.type, data: event.data, metadata: toStoredMetadata(event) }),
        ),
        { streamState: toStreamState(expected) },
      );
    } catch (error) {
      if (errorType(error) !== ErrorType.WRONG_EXPECTED_VERSION) throw error;
      const actual = (error as { actualState?: unknown }).actualState;
      throw new ConcurrencyError(
        streamId,
        expected,
        typeof actual === 'bigint' ? toSafeNumber(actual, 'revision') : 'no-stream',
      );
    }
    // A client built with throwOnAppendFailure: false reports the conflict instead of throwing.
    if (!result.success) {
      const current = result.nextExpectedRevision;
      throw new ConcurrencyError(
        streamId,
        expected,
        current < 0n ? 'no-stream' : toSafeNumber(current, 'revision'),
      );
    }
    const revision = toSafeNumber(result.nextExpectedRevision, 'revision');
    // The append's commit position is that of its last event (commit = prepare, see above).
    const position = result.position
      ? toSafeNumber(result.position.commit, 'position')
      : await this.positionOfRevision(streamId, revision);
    this.appendSignal.appended(position);
    return { revision, position };
  }

  /**
   * LIMITATION: KurrentDB has no lock and no transaction across streams, so this holds the
   * stream only against guarded appends made through this same instance (this process), and
   * the appends of `work` take effect at once, not when it returns. A guarded append from
   * another process (a second API replica) checks the guard stream's revision just before
   * appending, but an append that passed that check can still land after `work` has checked
   * the stream's dependants: e.g. a deltagande registered through replica B while replica A
   * ends its insats can stay open in the ended insats. With one API process the rule holds.
   */
  async exclusively<T>(
    streamId: string,
    work: (appender: ExclusiveAppender) => Promise<T>,
  ): Promise<T> {
    this.assertOpen();
    const before = this.held.get(streamId);
    const done = (async () => {
      await before?.catch(() => undefined);
      return work({
        appendToStream: (id, events, options) =>
          this.appendToStream(id, events, { expectedRevision: options.expectedRevision }),
      });
    })();
    this.held.set(streamId, done);
    try {
      return await done;
    } finally {
      if (this.held.get(streamId) === done) this.held.delete(streamId);
    }
  }

  /** A guard holds when no `exclusively` of this instance holds its stream and the revision is unchanged. */
  private async checkGuard(streamId: string, revision: number): Promise<void> {
    const actual = this.held.has(streamId) ? undefined : await this.lastRevision(streamId);
    if (actual !== revision)
      throw new ConcurrencyError(streamId, revision, actual ?? (await this.lastRevision(streamId)));
  }

  private async lastRevision(streamId: string): Promise<number | 'no-stream'> {
    try {
      for await (const resolved of this.client.readStream(this.namespace + streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        return this.toRecordedEvent(resolved).revision;
      }
    } catch (error) {
      if (errorType(error) !== ErrorType.STREAM_NOT_FOUND) throw error;
    }
    return 'no-stream';
  }

  /** Stream by stream: KurrentDB has no transaction across streams (see the port). */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    assertValidAppends(appends);
    const results: AppendResult[] = [];
    for (const { streamId, events, expectedRevision } of appends)
      results.push(await this.appendToStream(streamId, events, { expectedRevision }));
    return results;
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    this.assertOpen();
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(this.namespace + streamId)) {
        events.push(this.toRecordedEvent(resolved));
      }
    } catch (error) {
      if (errorType(error) === ErrorType.STREAM_NOT_FOUND) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    if (options.limit <= 0) return [];
    const after = Math.floor(options.after);
    const fromStart = after <= 0;
    const events: RecordedEvent[] = [];
    for await (const resolved of this.client.readAll({
      direction: FORWARDS,
      fromPosition: fromStart ? START : toKurrentPosition(after),
      // One more: the read includes the event at `after`, which is then dropped.
      maxCount: fromStart ? options.limit : options.limit + 1,
      filter: this.filter,
      resolveLinkTos: false,
    })) {
      const event = this.toRecordedEventOrSkip(resolved);
      if (!event || event.position <= after) continue;
      events.push(event);
      if (events.length === options.limit) break;
    }
    return events;
  }

  /**
   * Polls readAll (see followByPolling) rather than holding a subscribeToAll: batches then have
   * exactly readAll's boundaries and limit, the checkpoint logic is the one the other adapters
   * prove, and appends through this instance wake the follower at once. Appends from other
   * processes arrive within `pollIntervalMs`, at the cost of one filtered read per interval.
   */
  follow(options: FollowOptions): AsyncIterable<RecordedEvent[]> {
    const signal = AbortSignal.any([options.signal, this.closing.signal]);
    return followByPolling((o) => this.readAll(o), this.appendSignal, { ...options, signal });
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
      filter: this.filter,
      resolveLinkTos: false,
    })) {
      const event = this.toRecordedEventOrSkip(resolved);
      if (event) return event.position;
    }
    return 0;
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    if (this.ownsClient) await this.client.dispose();
  }

  /** For an append whose result carried no position (not seen on current servers). */
  private async positionOfRevision(streamId: string, revision: number): Promise<number> {
    for await (const resolved of this.client.readStream(this.namespace + streamId, {
      fromRevision: BigInt(revision),
      maxCount: 1,
    })) {
      return this.toRecordedEvent(resolved).position;
    }
    throw new Error(`KurrentDB did not return event ${revision} of ${streamId} after appending it`);
  }

  /** Undefined for what the filter should already have kept out: system events, other streams. */
  private toRecordedEventOrSkip(
    resolved: ResolvedEvent | AllStreamResolvedEvent,
  ): RecordedEvent | undefined {
    const event = resolved.event;
    if (!event || event.type.startsWith('$') || event.streamId.startsWith('$')) return undefined;
    if (!event.streamId.startsWith(this.namespace)) return undefined;
    const streamId = event.streamId.slice(this.namespace.length);
    if (!this.prefixes.some((prefix) => streamId.startsWith(prefix))) return undefined;
    return this.toRecordedEvent(resolved);
  }

  private toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
    const event = resolved.event;
    if (!event) throw new Error('KurrentDB returned a link without its event');
    if (!event.isJson || !isRecord(event.data)) {
      throw new Error(`Event ${event.id} in ${event.streamId} is not a JSON object`);
    }
    const position = event.position;
    const commit = position?.commit ?? resolved.commitPosition;
    if (commit === undefined) {
      throw new Error(
        `KurrentDB returned event ${event.id} without its $all position (needs server ≥ 22.6)`,
      );
    }
    if (position && position.prepare !== position.commit) {
      throw new Error(
        `Event ${event.id} in ${event.streamId} has commit position ${position.commit} but ` +
          `prepare position ${position.prepare}: events from explicit transactions are not supported`,
      );
    }
    const { metadata, recordedAt } = readMetadata(event.metadata);
    return {
      streamId: event.streamId.slice(this.namespace.length),
      type: event.type,
      data: event.data,
      metadata,
      revision: toSafeNumber(event.revision, 'revision'),
      position: toSafeNumber(commit, 'position'),
      recordedAt: recordedAt ?? event.created,
    };
  }

  private assertOpen(): void {
    if (this.closing.signal.aborted) throw new Error('The event store is closed');
  }
}
