import {
  ANY,
  BACKWARDS,
  END,
  FORWARDS,
  NO_STREAM,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendResult as KurrentAppendResult,
  type AppendStreamState,
  type EventData,
  type ReadAllOptions as KurrentReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { describeEventStoreContract, newEvent } from '../contract/event-store.contract.js';
import { ConcurrencyError } from '../event-store.js';
import { KurrentDbEventStore, type KurrentDbClientLike } from './kurrentdb-event-store.js';

interface StoredRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  /** As on the wire: JSON text, parsed again on every read. */
  data: string;
  metadata: string;
  created: Date;
  commit: bigint;
  prepare: bigint;
}

/**
 * A KurrentDB stand-in with the server behaviour the adapter relies on: one log with growing,
 * non-adjacent positions (commit = prepare), system records between ours, reads from a position
 * that include the event at it, server-side stream-prefix filters, the client's error classes.
 */
class SimulatedKurrentDb implements KurrentDbClientLike {
  readonly log: StoredRecord[] = [];
  readonly appendCalls: { streamName: string; events: EventData[]; streamState: unknown }[] = [];
  readonly readAllCalls: KurrentReadAllOptions[] = [];
  readonly readStreamCalls: { streamName: string; options?: ReadStreamOptions }[] = [];
  disposed = false;
  /** Behave like a server without filter support: return every stream. */
  ignoreFilter = false;
  /** Next append fails with this instead of being stored. */
  failNextAppend: unknown;
  /** Next append reports this instead of the usual success result. */
  nextAppendResult: KurrentAppendResult | undefined;
  private nextPosition = 1_000n;
  now = (): Date => new Date();

  /** Writes a record directly, as another client or the server itself would. */
  write(record: Partial<StoredRecord> & Pick<StoredRecord, 'streamId' | 'type'>): StoredRecord {
    const stream = this.log.filter((r) => r.streamId === record.streamId);
    this.nextPosition += 97n + BigInt(this.log.length % 5);
    const stored: StoredRecord = {
      id: `00000000-0000-4000-8000-${String(this.log.length).padStart(12, '0')}`,
      revision: BigInt(stream.length),
      data: '{}',
      metadata: '{}',
      created: this.now(),
      commit: this.nextPosition,
      prepare: this.nextPosition,
      ...record,
    };
    this.log.push(stored);
    return stored;
  }

  async appendToStream(
    streamName: string,
    events: EventData[],
    options: { streamState: AppendStreamState },
  ): Promise<KurrentAppendResult> {
    this.appendCalls.push({ streamName, events, streamState: options.streamState });
    await Promise.resolve();
    if (this.failNextAppend !== undefined) {
      const error = this.failNextAppend;
      this.failNextAppend = undefined;
      throw error;
    }
    if (this.nextAppendResult) {
      const result = this.nextAppendResult;
      this.nextAppendResult = undefined;
      return result;
    }
    // Check and write without awaiting in between: the server serialises appends.
    this.write({ streamId: `$system-${this.log.length}`, type: '$statsCollected' });
    const stream = this.log.filter((r) => r.streamId === streamName);
    const current = stream.length === 0 ? undefined : stream[stream.length - 1]!.revision;
    const state = options.streamState;
    const ok =
      state === ANY ||
      (state === NO_STREAM && current === undefined) ||
      (typeof state === 'bigint' && state === current);
    if (!ok) {
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        expected: state,
        current: current ?? NO_STREAM,
      });
    }
    let last: StoredRecord | undefined;
    for (const event of events) {
      last = this.write({
        streamId: streamName,
        id: event.id,
        type: event.type,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata),
      });
    }
    return {
      success: true,
      nextExpectedRevision: last!.revision,
      position: { commit: last!.commit, prepare: last!.prepare },
    };
  }

  async *readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<ResolvedEvent> {
    this.readStreamCalls.push(options ? { streamName, options } : { streamName });
    await Promise.resolve();
    const stream = this.log.filter((r) => r.streamId === streamName);
    if (stream.length === 0) throw new StreamNotFoundError(undefined, streamName);
    const max = Number(options?.maxCount ?? Number.MAX_SAFE_INTEGER);
    if (options?.direction === BACKWARDS) {
      // From the end (END) or from a revision, newest first.
      const from = typeof options.fromRevision === 'bigint' ? options.fromRevision : undefined;
      const upTo = stream.filter((r) => from === undefined || r.revision <= from);
      for (const record of upTo.reverse().slice(0, max)) yield this.resolve(record);
      return;
    }
    const from = typeof options?.fromRevision === 'bigint' ? options.fromRevision : 0n;
    for (const record of stream.filter((r) => r.revision >= from).slice(0, max)) {
      yield this.resolve(record);
    }
  }

  async *readAll(options: KurrentReadAllOptions): AsyncIterable<AllStreamResolvedEvent> {
    this.readAllCalls.push(options);
    await Promise.resolve();
    const prefixes =
      options.filter && 'prefixes' in options.filter && !this.ignoreFilter
        ? options.filter.prefixes
        : undefined;
    const visible = this.log.filter(
      (r) => !prefixes || prefixes.some((prefix) => r.streamId.startsWith(prefix)),
    );
    const from = options.fromPosition ?? START;
    let records: StoredRecord[];
    if (options.direction === BACKWARDS) {
      records = [...visible].reverse();
      if (typeof from === 'object') records = records.filter((r) => r.commit <= from.commit);
    } else {
      records = visible;
      // Inclusive, as on the server: the event at the position comes back too.
      if (typeof from === 'object') records = records.filter((r) => r.commit >= from.commit);
      if (from === END) records = [];
    }
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    for (const record of records.slice(0, max)) yield this.resolve(record);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  private resolve(record: StoredRecord): AllStreamResolvedEvent {
    return {
      event: {
        streamId: record.streamId,
        id: record.id,
        isJson: true,
        revision: record.revision,
        type: record.type,
        created: record.created,
        data: JSON.parse(record.data) as Record<string, unknown>,
        metadata:
          record.metadata === ''
            ? undefined
            : (JSON.parse(record.metadata) as Record<string, unknown>),
        position: { commit: record.commit, prepare: record.prepare },
      },
      commitPosition: record.commit,
    } as AllStreamResolvedEvent;
  }
}

const meta = { userId: 'user-anna', correlationId: 'correlation-1', causationId: 'causation-1' };

describeEventStoreContract(
  'KurrentDbEventStore on a simulated KurrentDB client',
  async () => {
    const store = new KurrentDbEventStore(new SimulatedKurrentDb());
    return { store, cleanup: () => store.close() };
  },
  { atomicAcrossStreams: false },
);

describe('KurrentDbEventStore mapping (simulated client)', () => {
  let server: SimulatedKurrentDb;
  let store: KurrentDbEventStore;

  beforeEach(() => {
    server = new SimulatedKurrentDb();
    store = new KurrentDbEventStore(server);
  });

  afterEach(async () => {
    await store.close();
  });

  describe('appendToStream', () => {
    it('writes JSON events with the type, the data and metadata carrying both id conventions', async () => {
      await store.appendToStream(
        'deltagande-1',
        [newEvent('RemissMottagen', { remittent: 'af' })],
        {
          expectedRevision: 'no-stream',
        },
      );

      const [event] = server.appendCalls[0]!.events;
      expect(server.appendCalls[0]!.streamName).toBe('deltagande-1');
      expect(event).toEqual({
        id: expect.any(String),
        contentType: 'application/json',
        type: 'RemissMottagen',
        data: { remittent: 'af' },
        metadata: {
          userId: 'user-anna',
          correlationId: 'correlation-1',
          causationId: 'causation-1',
          $correlationId: 'correlation-1',
          $causationId: 'causation-1',
        },
      });
    });

    it('stores a given recordedAt in the metadata as ISO 8601', async () => {
      await store.appendToStream(
        'insats-1',
        [{ ...newEvent('InsatsSkapad'), recordedAt: new Date('2024-02-03T04:05:06.789Z') }],
        { expectedRevision: 'no-stream' },
      );

      expect(server.appendCalls[0]!.events[0]!.metadata).toEqual({
        ...meta,
        $correlationId: 'correlation-1',
        $causationId: 'causation-1',
        recordedAt: '2024-02-03T04:05:06.789Z',
      });
    });

    it.each([
      [3, 3n],
      ['no-stream', NO_STREAM],
      ['any', ANY],
    ] as const)('passes expected revision %p as streamState %p', async (expected, streamState) => {
      server.nextAppendResult = {
        success: true,
        nextExpectedRevision: 4n,
        position: { commit: 5_000n, prepare: 5_000n },
      };

      await store.appendToStream('insats-1', [newEvent('InsatsAndrad')], {
        expectedRevision: expected,
      });

      expect(server.appendCalls[0]!.streamState).toBe(streamState);
    });

    it('returns the bigint revision and commit position of the append as numbers', async () => {
      server.nextAppendResult = {
        success: true,
        nextExpectedRevision: 7n,
        position: { commit: 123_456_789_012n, prepare: 123_456_789_012n },
      };

      const result = await store.appendToStream('insats-1', [newEvent('InsatsAndrad')], {
        expectedRevision: 6,
      });

      expect(result).toEqual({ revision: 7, position: 123_456_789_012 });
    });

    it('reads the last event back for its position when the append result has none', async () => {
      await store.appendToStream('insats-1', [newEvent('InsatsSkapad')], {
        expectedRevision: 'no-stream',
      });
      const written = server.write({ streamId: 'insats-1', type: 'InsatsAndrad' });
      server.nextAppendResult = { success: true, nextExpectedRevision: 1n };

      const result = await store.appendToStream('insats-1', [newEvent('InsatsAndrad')], {
        expectedRevision: 0,
      });

      expect(result).toEqual({ revision: 1, position: Number(written.commit) });
      expect(server.readStreamCalls).toEqual([
        { streamName: 'insats-1', options: { fromRevision: 1n, maxCount: 1 } },
      ]);
    });

    it('maps WrongExpectedVersionError to ConcurrencyError with the expected and actual revision', async () => {
      server.failNextAppend = new WrongExpectedVersionError(undefined, {
        streamName: 'deltagande-1',
        expected: 0n,
        current: 1n,
      });

      const error = await store
        .appendToStream('deltagande-1', [newEvent('DeltagareAvslutad')], { expectedRevision: 0 })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId: 'deltagande-1', expected: 0, actual: 1 });
    });

    it("maps a conflict on a missing stream to ConcurrencyError with actual 'no-stream'", async () => {
      server.failNextAppend = new WrongExpectedVersionError(undefined, {
        streamName: 'deltagande-1',
        expected: 3n,
        current: NO_STREAM,
      });

      const error = await store
        .appendToStream('deltagande-1', [newEvent('DeltagareAvslutad')], { expectedRevision: 3 })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId: 'deltagande-1', expected: 3, actual: 'no-stream' });
    });

    it('maps an unsuccessful append result (throwOnAppendFailure off) to ConcurrencyError', async () => {
      server.nextAppendResult = { success: false, nextExpectedRevision: 2n };

      const error = await store
        .appendToStream('deltagande-1', [newEvent('DeltagareAvslutad')], { expectedRevision: 0 })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ expected: 0, actual: 2 });
    });

    it('lets other client errors through unchanged', async () => {
      const unavailable = new UnavailableError(undefined, 'no leader');
      server.failNextAppend = unavailable;

      const error = await store
        .appendToStream('deltagande-1', [newEvent('RemissMottagen')], { expectedRevision: 'any' })
        .catch((e: unknown) => e);

      expect(error).toBe(unavailable);
    });

    it('refuses a stream outside the read prefixes with a RangeError, without calling the server', async () => {
      const error = await store
        .appendToStream('volym-1', [newEvent('VolymRegistrerad')], { expectedRevision: 'any' })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(RangeError);
      expect((error as Error).message).toBe(
        'Stream volym-1 has none of the prefixes insats-, deltagande- this store reads',
      );
      expect(server.appendCalls).toEqual([]);
    });
  });

  describe('readStream', () => {
    it('maps type, data, metadata, bigint revision and commit position', async () => {
      const record = server.write({
        streamId: 'deltagande-1',
        type: 'DeltagareInskriven',
        data: JSON.stringify({ datum: '2025-03-10', forsorjning: ['lon'] }),
        metadata: JSON.stringify({ ...meta, $correlationId: 'x', $causationId: 'y' }),
        created: new Date('2025-03-10T08:00:00.000Z'),
      });

      expect(await store.readStream('deltagande-1')).toEqual([
        {
          streamId: 'deltagande-1',
          type: 'DeltagareInskriven',
          data: { datum: '2025-03-10', forsorjning: ['lon'] },
          metadata: meta,
          revision: 0,
          position: Number(record.commit),
          recordedAt: new Date('2025-03-10T08:00:00.000Z'),
        },
      ]);
    });

    it('takes recordedAt from the metadata when present, not from created', async () => {
      server.write({
        streamId: 'insats-1',
        type: 'InsatsSkapad',
        metadata: JSON.stringify({ ...meta, recordedAt: '2023-01-02T03:04:05.678Z' }),
        created: new Date('2025-06-01T00:00:00.000Z'),
      });

      const [event] = await store.readStream('insats-1');

      expect(event!.recordedAt).toEqual(new Date('2023-01-02T03:04:05.678Z'));
    });

    it('round-trips recordedAt given on append', async () => {
      server.now = () => new Date('2025-06-01T00:00:00.000Z');
      await store.appendToStream(
        'insats-1',
        [{ ...newEvent('InsatsSkapad'), recordedAt: new Date('2024-02-03T04:05:06.789Z') }],
        { expectedRevision: 'no-stream' },
      );

      const [event] = await store.readStream('insats-1');

      expect(event!.recordedAt).toEqual(new Date('2024-02-03T04:05:06.789Z'));
      expect(event!.metadata).toEqual(meta);
    });

    it('reads $correlationId and $causationId when the plain fields are missing', async () => {
      server.write({
        streamId: 'insats-1',
        type: 'InsatsSkapad',
        metadata: JSON.stringify({ userId: 'u', $correlationId: 'c', $causationId: 'd' }),
      });

      const [event] = await store.readStream('insats-1');

      expect(event!.metadata).toEqual({ userId: 'u', correlationId: 'c', causationId: 'd' });
    });

    it('returns [] when the client reports the stream as not found', async () => {
      expect(await store.readStream('deltagande-missing')).toEqual([]);
      expect(server.readStreamCalls).toEqual([{ streamName: 'deltagande-missing' }]);
    });

    it('lets other read errors through', async () => {
      const deleted = StreamDeletedError.fromStreamName('deltagande-1');
      server.readStream = async function* () {
        await Promise.resolve();
        yield* [];
        throw deleted;
      };

      await expect(store.readStream('deltagande-1')).rejects.toBe(deleted);
    });

    it('refuses an event whose prepare position differs from its commit position', async () => {
      server.write({ streamId: 'insats-1', type: 'InsatsSkapad', commit: 5_000n, prepare: 4_900n });

      await expect(store.readStream('insats-1')).rejects.toThrow(
        'has commit position 5000 but prepare position 4900: events from explicit transactions are not supported',
      );
    });

    it('refuses a position beyond 2^53 instead of rounding it', async () => {
      server.write({
        streamId: 'insats-1',
        type: 'InsatsSkapad',
        commit: 2n ** 53n + 1n,
        prepare: 2n ** 53n + 1n,
      });

      await expect(store.readStream('insats-1')).rejects.toThrow(RangeError);
    });
  });

  describe('readAll and headPosition', () => {
    it('reads from the start with the stream-prefix filter when after is 0', async () => {
      await store.readAll({ after: 0, limit: 10 });

      expect(server.readAllCalls).toEqual([
        {
          direction: FORWARDS,
          fromPosition: START,
          maxCount: 10,
          filter: expect.objectContaining({
            filterOn: 'streamName',
            prefixes: ['insats-', 'deltagande-'],
          }),
          resolveLinkTos: false,
        },
      ]);
    });

    it('reads after a position from { commit: p, prepare: p }, one extra for the event at p', async () => {
      await store.readAll({ after: 123_456, limit: 10 });

      expect(server.readAllCalls[0]).toMatchObject({
        direction: FORWARDS,
        fromPosition: { commit: 123_456n, prepare: 123_456n },
        maxCount: 11,
      });
    });

    it('uses each event commit position as its position and drops the event at `after`', async () => {
      const a = server.write({ streamId: 'insats-1', type: 'InsatsSkapad' });
      const b = server.write({ streamId: 'deltagande-1', type: 'RemissMottagen' });
      const c = server.write({ streamId: 'deltagande-2', type: 'RemissMottagen' });

      const all = await store.readAll({ after: 0, limit: 10 });
      const rest = await store.readAll({ after: Number(a.commit), limit: 1 });

      expect(all.map((e) => e.position)).toEqual([a.commit, b.commit, c.commit].map(Number));
      expect(rest.map((e) => e.streamId)).toEqual(['deltagande-1']);
    });

    it('skips system events and foreign streams even if the server returns them', async () => {
      server.ignoreFilter = true;
      server.write({ streamId: '$settings', type: '$settings' });
      server.write({ streamId: 'insats-1', type: '$metadata' });
      server.write({ streamId: 'annat-1', type: 'Annat' });
      const ours = server.write({ streamId: 'insats-1', type: 'InsatsSkapad' });

      const events = await store.readAll({ after: 0, limit: 10 });

      expect(events.map((e) => [e.streamId, e.type, e.position])).toEqual([
        ['insats-1', 'InsatsSkapad', Number(ours.commit)],
      ]);
    });

    it('reads the head backwards from the end, filtered, one event', async () => {
      server.write({ streamId: 'insats-1', type: 'InsatsSkapad' });
      const last = server.write({ streamId: 'deltagande-1', type: 'RemissMottagen' });
      server.write({ streamId: '$stats-1', type: '$statsCollected' });

      expect(await store.headPosition()).toBe(Number(last.commit));
      expect(server.readAllCalls[0]).toMatchObject({
        direction: BACKWARDS,
        fromPosition: END,
        maxCount: 1,
        filter: { prefixes: ['insats-', 'deltagande-'] },
      });
    });

    it('reports head 0 when only system events exist', async () => {
      server.write({ streamId: '$stats-1', type: '$statsCollected' });

      expect(await store.headPosition()).toBe(0);
    });
  });

  describe('options and lifecycle', () => {
    it('prefixes stream names with the namespace on the server and strips it on read', async () => {
      const spaced = new KurrentDbEventStore(server, {
        namespace: 't1-',
        streamPrefixes: ['insats-'],
      });
      server.write({ streamId: 'insats-1', type: 'InsatsSkapad' });
      await spaced.appendToStream('insats-1', [newEvent('InsatsSkapad')], {
        expectedRevision: 'no-stream',
      });

      const all = await spaced.readAll({ after: 0, limit: 10 });

      expect(server.appendCalls[0]!.streamName).toBe('t1-insats-1');
      expect(server.readAllCalls[0]!.filter).toMatchObject({ prefixes: ['t1-insats-'] });
      expect(all.map((e) => [e.streamId, e.revision])).toEqual([['insats-1', 0]]);
      expect((await spaced.readStream('insats-1')).map((e) => e.streamId)).toEqual(['insats-1']);
    });

    it('leaves a client it was given open on close, and refuses calls afterwards', async () => {
      await store.close();

      expect(server.disposed).toBe(false);
      await expect(store.readAll({ after: 0, limit: 1 })).rejects.toThrow(
        'The event store is closed',
      );
    });
  });
});
