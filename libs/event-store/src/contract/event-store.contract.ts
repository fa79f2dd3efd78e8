import {
  ConcurrencyError,
  type EventMetadata,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '../event-store.js';

export interface EventStoreUnderTest {
  readonly store: EventStore;
  cleanup(): Promise<void>;
}

const metadata: EventMetadata = {
  userId: 'user-anna',
  correlationId: 'correlation-1',
  causationId: 'causation-1',
};

/** An event to append; only what a test cares about needs saying. */
export const newEvent = (
  type = 'RemissMottagen',
  data: Record<string, unknown> = {},
  meta: EventMetadata = metadata,
): NewEvent => ({ type, data, metadata: meta });

/**
 * Everything committed up to the head position. A store may hold back events briefly while
 * an older write is still in flight (PostgreSQL: anywhere on the server), so poll until the
 * head is reached instead of expecting the first read to have it.
 */
export const readAllUpToHead = async (
  store: EventStore,
  after = 0,
  limit = 1_000,
): Promise<RecordedEvent[]> => {
  const head = await store.headPosition();
  const deadline = Date.now() + 5_000;
  const events: RecordedEvent[] = [];
  let checkpoint = after;
  while (checkpoint < head) {
    const batch = await store.readAll({ after: checkpoint, limit });
    if (batch.length > 0) {
      events.push(...batch);
      checkpoint = batch[batch.length - 1]!.position;
    } else if (Date.now() > deadline) {
      throw new Error(`readAll stopped at ${checkpoint}, head is ${head}`);
    } else {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  return events;
};

/** Follows until `count` events arrived (then aborts) or `timeoutMs` passed. */
export const followUntil = async (
  store: EventStore,
  options: {
    after: number;
    limit: number;
    count: number;
    timeoutMs: number;
    pollIntervalMs?: number;
  },
): Promise<{ batches: RecordedEvent[][]; timedOut: boolean }> => {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const batches: RecordedEvent[][] = [];
  let received = 0;
  try {
    for await (const batch of store.follow({
      after: options.after,
      limit: options.limit,
      signal: controller.signal,
      ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
    })) {
      batches.push(batch);
      received += batch.length;
      if (received >= options.count) controller.abort();
    }
  } finally {
    clearTimeout(timer);
  }
  return { batches, timedOut };
};

const positionsOf = (events: readonly RecordedEvent[]): number[] => events.map((e) => e.position);

const isStrictlyIncreasing = (numbers: readonly number[]): boolean =>
  numbers.every((n, i) => i === 0 || n > numbers[i - 1]!);

const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
};

/**
 * The behaviour every EventStore adapter must show. `factory` returns an empty store for each
 * test and a cleanup that releases it.
 */
export const describeEventStoreContract = (
  name: string,
  factory: () => Promise<EventStoreUnderTest>,
  /** KurrentDB has no transaction across streams: its appendToStreams goes stream by stream. */
  options: { atomicAcrossStreams?: boolean; exclusiveRollsBack?: boolean } = {},
): void => {
  const atomicAcrossStreams = options.atomicAcrossStreams ?? true;
  /** In memory and on KurrentDB the appends inside `exclusively` take effect at once. */
  const exclusiveRollsBack = options.exclusiveRollsBack ?? atomicAcrossStreams;
  describe(`${name} (EventStore contract)`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
    });

    afterEach(async () => {
      await cleanup();
    });

    describe('appendToStream and readStream', () => {
      it('stores events with revisions 0..n-1 and their type, data, metadata and recordedAt', async () => {
        const before = Date.now();
        await store.appendToStream(
          'deltagande-1',
          [
            newEvent('RemissMottagen', { datum: '2025-03-01', remittent: 'af' }),
            newEvent('DeltagareInskriven', { datum: '2025-03-10', forsorjning: ['lon'] }),
          ],
          { expectedRevision: 'no-stream' },
        );
        await store.appendToStream(
          'deltagande-1',
          [
            newEvent(
              'DeltagareAvslutad',
              { datum: '2025-06-30' },
              { ...metadata, causationId: 'causation-2' },
            ),
          ],
          { expectedRevision: 1 },
        );
        const after = Date.now() + 1;

        const events = await store.readStream('deltagande-1');

        expect(
          events.map(({ streamId, type, data, metadata: meta, revision }) => ({
            streamId,
            type,
            data,
            metadata: meta,
            revision,
          })),
        ).toEqual([
          {
            streamId: 'deltagande-1',
            type: 'RemissMottagen',
            data: { datum: '2025-03-01', remittent: 'af' },
            metadata,
            revision: 0,
          },
          {
            streamId: 'deltagande-1',
            type: 'DeltagareInskriven',
            data: { datum: '2025-03-10', forsorjning: ['lon'] },
            metadata,
            revision: 1,
          },
          {
            streamId: 'deltagande-1',
            type: 'DeltagareAvslutad',
            data: { datum: '2025-06-30' },
            metadata: { ...metadata, causationId: 'causation-2' },
            revision: 2,
          },
        ]);
        for (const event of events) {
          expect(event.recordedAt).toBeInstanceOf(Date);
          expect(event.recordedAt.getTime()).toBeGreaterThanOrEqual(before);
          expect(event.recordedAt.getTime()).toBeLessThanOrEqual(after);
        }
        expect(isStrictlyIncreasing(positionsOf(events))).toBe(true);
      });

      it("keeps a command's idempotency key in the metadata of the events that carry one", async () => {
        const keyed = { ...metadata, idempotencyKey: 'key-1' };
        await store.appendToStream(
          'deltagande-1',
          [newEvent('RemissMottagen', {}, keyed), newEvent('DeltagareInskriven', {}, keyed)],
          { expectedRevision: 'no-stream' },
        );
        await store.appendToStream('deltagande-1', [newEvent('DeltagareAvslutad')], {
          expectedRevision: 1,
        });

        const stored = await store.readStream('deltagande-1');
        const all = await readAllUpToHead(store);

        expect(stored.map((event) => event.metadata)).toEqual([keyed, keyed, metadata]);
        expect(all.map((event) => event.metadata)).toEqual([keyed, keyed, metadata]);
      });

      it('returns the revision and position of the last appended event', async () => {
        const first = await store.appendToStream('insats-1', [newEvent('InsatsSkapad')], {
          expectedRevision: 'no-stream',
        });
        const second = await store.appendToStream(
          'insats-1',
          [newEvent('ArsmalSatt'), newEvent('InsatsAndrad')],
          { expectedRevision: 0 },
        );

        const stored = await store.readStream('insats-1');
        expect(first).toEqual({ revision: 0, position: stored[0]!.position });
        expect(second).toEqual({ revision: 2, position: stored[2]!.position });
      });

      it('reads a stream that does not exist as []', async () => {
        expect(await store.readStream('deltagande-missing')).toEqual([]);
      });

      it("appends with 'any' whatever the stream's revision", async () => {
        await store.appendToStream('insats-1', [newEvent('InsatsSkapad')], {
          expectedRevision: 'any',
        });
        const result = await store.appendToStream('insats-1', [newEvent('InsatsAndrad')], {
          expectedRevision: 'any',
        });

        expect(result.revision).toBe(1);
        expect((await store.readStream('insats-1')).map((e) => e.type)).toEqual([
          'InsatsSkapad',
          'InsatsAndrad',
        ]);
      });

      it('rejects an append of no events with a RangeError', async () => {
        const error = await rejectionOf(
          store.appendToStream('insats-1', [], { expectedRevision: 'any' }),
        );

        expect(error).toBeInstanceOf(RangeError);
        expect(await store.headPosition()).toBe(0);
      });

      it('keeps events isolated from later changes to the appended objects', async () => {
        const data = { namn: 'Ung i Tyresö' };
        await store.appendToStream('insats-1', [newEvent('InsatsSkapad', data)], {
          expectedRevision: 'no-stream',
        });
        data.namn = 'Balder';

        expect((await store.readStream('insats-1'))[0]!.data).toEqual({ namn: 'Ung i Tyresö' });
      });
    });

    describe('optimistic concurrency', () => {
      it("throws ConcurrencyError for 'no-stream' on an existing stream and appends nothing", async () => {
        await store.appendToStream(
          'deltagande-1',
          [newEvent('RemissMottagen'), newEvent('DeltagareInskriven')],
          {
            expectedRevision: 'no-stream',
          },
        );
        const head = await store.headPosition();

        const error = await rejectionOf(
          store.appendToStream('deltagande-1', [newEvent('DeltagareAvslutad')], {
            expectedRevision: 'no-stream',
          }),
        );

        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: 'deltagande-1', expected: 'no-stream', actual: 1 });
        expect((await store.readStream('deltagande-1')).map((e) => e.type)).toEqual([
          'RemissMottagen',
          'DeltagareInskriven',
        ]);
        expect(await store.headPosition()).toBe(head);
      });

      it('throws ConcurrencyError for a stale expected revision and appends nothing', async () => {
        await store.appendToStream('deltagande-1', [newEvent('RemissMottagen')], {
          expectedRevision: 'no-stream',
        });
        await store.appendToStream('deltagande-1', [newEvent('DeltagareInskriven')], {
          expectedRevision: 0,
        });
        const head = await store.headPosition();

        const error = await rejectionOf(
          store.appendToStream(
            'deltagande-1',
            [newEvent('DeltagareAvslutad'), newEvent('UppfoljningRegistrerad')],
            {
              expectedRevision: 0,
            },
          ),
        );

        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: 'deltagande-1', expected: 0, actual: 1 });
        expect((await store.readStream('deltagande-1')).map((e) => e.revision)).toEqual([0, 1]);
        expect(await store.headPosition()).toBe(head);
      });

      it("throws ConcurrencyError with actual 'no-stream' for a revision on a stream that does not exist", async () => {
        const error = await rejectionOf(
          store.appendToStream('deltagande-1', [newEvent('DeltagareAvslutad')], {
            expectedRevision: 3,
          }),
        );

        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: 'deltagande-1', expected: 3, actual: 'no-stream' });
        expect(await store.readStream('deltagande-1')).toEqual([]);
      });

      it('lets exactly one of two concurrent appends at the same expected revision win', async () => {
        await store.appendToStream('deltagande-1', [newEvent('RemissMottagen')], {
          expectedRevision: 'no-stream',
        });

        const results = await Promise.allSettled([
          store.appendToStream('deltagande-1', [newEvent('DeltagareInskriven', { writer: 'a' })], {
            expectedRevision: 0,
          }),
          store.appendToStream('deltagande-1', [newEvent('DeltagareInskriven', { writer: 'b' })], {
            expectedRevision: 0,
          }),
        ]);

        const fulfilled = results.filter((r) => r.status === 'fulfilled');
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(fulfilled).toHaveLength(1);
        expect(rejected).toHaveLength(1);
        expect(rejected[0]!.reason).toBeInstanceOf(ConcurrencyError);
        expect(rejected[0]!.reason).toMatchObject({ expected: 0, actual: 1 });
        const stream = await store.readStream('deltagande-1');
        expect(stream.map((e) => e.revision)).toEqual([0, 1]);
        const winner = results[0]!.status === 'fulfilled' ? 'a' : 'b';
        expect(stream[1]!.data).toEqual({ writer: winner });
      });

      it("lets exactly one of eight concurrent 'no-stream' appends create the stream", async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, writer) =>
            store.appendToStream('deltagande-1', [newEvent('RemissMottagen', { writer })], {
              expectedRevision: 'no-stream',
            }),
          ),
        );

        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const reasons = results.flatMap((r) =>
          r.status === 'rejected' ? [r.reason as unknown] : [],
        );
        expect(reasons).toHaveLength(7);
        for (const reason of reasons) expect(reason).toBeInstanceOf(ConcurrencyError);
        expect((await store.readStream('deltagande-1')).map((e) => e.revision)).toEqual([0]);
      });

      it('gives each of concurrent appends to different streams its own outcome: a stale one fails alone', async () => {
        await store.appendToStream('deltagande-stale', [newEvent('RemissMottagen')], {
          expectedRevision: 'no-stream',
        });
        await store.appendToStream('deltagande-current', [newEvent('RemissMottagen')], {
          expectedRevision: 'no-stream',
        });
        await store.appendToStream('deltagande-befintlig', [newEvent('RemissMottagen')], {
          expectedRevision: 'no-stream',
        });

        // Issued together, so a store that commits appends in groups puts them in one.
        const results = await Promise.allSettled([
          ...['deltagande-ny-1', 'deltagande-ny-2', 'deltagande-ny-3', 'deltagande-ny-4'].map(
            (streamId) =>
              store.appendToStream(streamId, [newEvent('RemissMottagen'), newEvent('Inskriven')], {
                expectedRevision: 'no-stream',
              }),
          ),
          store.appendToStream('deltagande-stale', [newEvent('DeltagareInskriven')], {
            expectedRevision: 3,
          }),
          store.appendToStream('deltagande-current', [newEvent('DeltagareInskriven')], {
            expectedRevision: 0,
          }),
          // Not a race with the new streams above: this stream exists before, so the outcome
          // does not depend on which append the pool runs first.
          store.appendToStream('deltagande-befintlig', [newEvent('RemissMottagen')], {
            expectedRevision: 'no-stream',
          }),
          store.appendToStream('deltagande-annan', [newEvent('RemissMottagen')], {
            expectedRevision: 'any',
          }),
        ]);

        const revisions = results.map((r) =>
          r.status === 'fulfilled' ? r.value.revision : (r.reason as ConcurrencyError).actual,
        );
        expect(results.map((r) => r.status)).toEqual([
          'fulfilled',
          'fulfilled',
          'fulfilled',
          'fulfilled',
          'rejected',
          'fulfilled',
          'rejected',
          'fulfilled',
        ]);
        expect(revisions).toEqual([1, 1, 1, 1, 0, 1, 0, 0]);
        expect((results[4] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
        expect((results[4] as PromiseRejectedResult).reason).toMatchObject({
          streamId: 'deltagande-stale',
          expected: 3,
          actual: 0,
        });
        expect((results[6] as PromiseRejectedResult).reason).toMatchObject({
          streamId: 'deltagande-befintlig',
          expected: 'no-stream',
          actual: 0,
        });
        expect((await store.readStream('deltagande-ny-2')).map((e) => e.type)).toEqual([
          'RemissMottagen',
          'Inskriven',
        ]);
        expect((await store.readStream('deltagande-stale')).map((e) => e.type)).toEqual([
          'RemissMottagen',
        ]);
        expect((await store.readStream('deltagande-current')).map((e) => e.revision)).toEqual([
          0, 1,
        ]);
        const positions = results.flatMap((r) =>
          r.status === 'fulfilled' ? [r.value.position] : [],
        );
        expect(new Set(positions).size).toBe(6);
        const all = await readAllUpToHead(store);
        expect(all).toHaveLength(3 + 4 * 2 + 1 + 1);
        expect((await store.readStream('deltagande-befintlig')).map((e) => e.revision)).toEqual([
          0,
        ]);
        for (const result of results)
          if (result.status === 'fulfilled')
            expect(all.some((e) => e.position === result.value.position)).toBe(true);
      });
    });

    describe('guarded appends and exclusively', () => {
      const insats = 'insats-1';
      const createInsats = () =>
        store.appendToStream(insats, [newEvent('InsatsSkapad')], { expectedRevision: 'no-stream' });

      it('appends when the guard stream is still at the guard revision', async () => {
        await createInsats();

        const result = await store.appendToStream('deltagande-1', [newEvent('RemissMottagen')], {
          expectedRevision: 'no-stream',
          guard: { streamId: insats, revision: 0 },
        });

        expect(result.revision).toBe(0);
        expect((await store.readStream('deltagande-1')).map((e) => e.type)).toEqual([
          'RemissMottagen',
        ]);
      });

      it('refuses, naming the guard stream, when the guard stream moved on, and appends nothing', async () => {
        await createInsats();
        await store.appendToStream(insats, [newEvent('InsatsAvslutad')], { expectedRevision: 0 });
        await store.appendToStream('deltagande-2', [newEvent('RemissMottagen')], {
          expectedRevision: 'no-stream',
        });

        const fresh = await rejectionOf(
          store.appendToStream('deltagande-1', [newEvent('RemissMottagen')], {
            expectedRevision: 'no-stream',
            guard: { streamId: insats, revision: 0 },
          }),
        );
        const existing = await rejectionOf(
          store.appendToStream('deltagande-2', [newEvent('DeltagareInskriven')], {
            expectedRevision: 0,
            guard: { streamId: insats, revision: 0 },
          }),
        );

        for (const error of [fresh, existing]) {
          expect(error).toBeInstanceOf(ConcurrencyError);
          expect(error).toMatchObject({ streamId: insats, expected: 0, actual: 1 });
        }
        expect(await store.readStream('deltagande-1')).toEqual([]);
        expect((await store.readStream('deltagande-2')).map((e) => e.revision)).toEqual([0]);
      });

      it('still names the appended stream when its own revision is stale', async () => {
        await createInsats();
        await store.appendToStream('deltagande-1', [newEvent('RemissMottagen')], {
          expectedRevision: 'no-stream',
        });

        const error = await rejectionOf(
          store.appendToStream('deltagande-1', [newEvent('RemissMottagen')], {
            expectedRevision: 'no-stream',
            guard: { streamId: insats, revision: 0 },
          }),
        );

        expect(error).toMatchObject({ streamId: 'deltagande-1', expected: 'no-stream', actual: 0 });
      });

      it('refuses guarded appends at once while exclusively holds the stream, and lets them after', async () => {
        await createInsats();
        let refusedInside: unknown;

        const result = await store.exclusively(insats, async (appender) => {
          refusedInside = await rejectionOf(
            store.appendToStream('deltagande-1', [newEvent('RemissMottagen')], {
              expectedRevision: 'no-stream',
              guard: { streamId: insats, revision: 0 },
            }),
          );
          // An unguarded append is not held back.
          await store.appendToStream('deltagande-2', [newEvent('RemissMottagen')], {
            expectedRevision: 'no-stream',
          });
          return appender.appendToStream(insats, [newEvent('InsatsAvslutad')], {
            expectedRevision: 0,
          });
        });

        expect(refusedInside).toBeInstanceOf(ConcurrencyError);
        expect(refusedInside).toMatchObject({ streamId: insats, expected: 0 });
        expect(result.revision).toBe(1);
        expect((await store.readStream(insats)).map((e) => e.type)).toEqual([
          'InsatsSkapad',
          'InsatsAvslutad',
        ]);
        expect(await store.readStream('deltagande-1')).toEqual([]);
        await store.appendToStream('deltagande-1', [newEvent('RemissMottagen')], {
          expectedRevision: 'no-stream',
          guard: { streamId: insats, revision: 1 },
        });
        expect(await store.readStream('deltagande-1')).toHaveLength(1);
      });

      it('passes on what work returns and throws what it throws', async () => {
        await createInsats();

        expect(await store.exclusively(insats, async () => 'klar')).toBe('klar');
        const error = await rejectionOf(
          store.exclusively(insats, async () => {
            throw new RangeError('nej');
          }),
        );
        expect(error).toBeInstanceOf(RangeError);
        await store.appendToStream('deltagande-1', [newEvent('RemissMottagen')], {
          expectedRevision: 'no-stream',
          guard: { streamId: insats, revision: 0 },
        });
      });

      if (exclusiveRollsBack) {
        it('drops the appends of work that throws', async () => {
          await createInsats();

          await rejectionOf(
            store.exclusively(insats, async (appender) => {
              await appender.appendToStream(insats, [newEvent('InsatsAvslutad')], {
                expectedRevision: 0,
              });
              throw new Error('check failed after the append');
            }),
          );

          expect((await store.readStream(insats)).map((e) => e.type)).toEqual(['InsatsSkapad']);
        });
      }
    });

    describe('appendToStreams', () => {
      it('appends to several new streams at once, each from revision 0, in the order given', async () => {
        const results = await store.appendToStreams([
          {
            streamId: 'deltagande-1',
            events: [newEvent('RemissMottagen'), newEvent('DeltagareInskriven')],
            expectedRevision: 'no-stream',
          },
          {
            streamId: 'deltagande-2',
            events: [newEvent('RemissMottagen')],
            expectedRevision: 'no-stream',
          },
        ]);

        expect(results.map((r) => r.revision)).toEqual([1, 0]);
        expect(results[1]!.position).toBeGreaterThan(results[0]!.position);
        expect(results[1]!.position).toBe(await store.headPosition());
        const all = await readAllUpToHead(store);
        expect(all.map((e) => [e.streamId, e.revision, e.type])).toEqual([
          ['deltagande-1', 0, 'RemissMottagen'],
          ['deltagande-1', 1, 'DeltagareInskriven'],
          ['deltagande-2', 0, 'RemissMottagen'],
        ]);
      });

      it("appends at an existing stream's revision beside a new stream", async () => {
        await store.appendToStream('deltagande-1', [newEvent('RemissMottagen')], {
          expectedRevision: 'no-stream',
        });
        await store.appendToStreams([
          {
            streamId: 'deltagande-1',
            events: [newEvent('DeltagareInskriven')],
            expectedRevision: 0,
          },
          {
            streamId: 'deltagande-2',
            events: [newEvent('RemissMottagen')],
            expectedRevision: 'no-stream',
          },
        ]);
        expect((await store.readStream('deltagande-1')).map((e) => e.type)).toEqual([
          'RemissMottagen',
          'DeltagareInskriven',
        ]);
        expect(await store.readStream('deltagande-2')).toHaveLength(1);
      });

      (atomicAcrossStreams ? it : it.skip)(
        'throws ConcurrencyError naming the stream that exists and appends to none of them',
        async () => {
          await store.appendToStream('deltagande-2', [newEvent('RemissMottagen')], {
            expectedRevision: 'no-stream',
          });
          const head = await store.headPosition();

          const error = await rejectionOf(
            store.appendToStreams(
              ['deltagande-1', 'deltagande-2', 'deltagande-3'].map((streamId) => ({
                streamId,
                events: [newEvent('RemissMottagen')],
                expectedRevision: 'no-stream' as const,
              })),
            ),
          );

          expect(error).toBeInstanceOf(ConcurrencyError);
          expect(error).toMatchObject({
            streamId: 'deltagande-2',
            expected: 'no-stream',
            actual: 0,
          });
          expect(await store.readStream('deltagande-1')).toEqual([]);
          expect(await store.readStream('deltagande-3')).toEqual([]);
          expect(await store.headPosition()).toBe(head);
        },
      );

      it('refuses no streams, and one stream twice, with a RangeError', async () => {
        await expect(store.appendToStreams([])).rejects.toBeInstanceOf(RangeError);
        const twice = {
          streamId: 'deltagande-1',
          events: [newEvent()],
          expectedRevision: 'any' as const,
        };
        await expect(store.appendToStreams([twice, twice])).rejects.toBeInstanceOf(RangeError);
        expect(await store.readStream('deltagande-1')).toEqual([]);
      });
    });

    describe('readAll', () => {
      it('returns events in strictly increasing position order, each append in its own order', async () => {
        await store.appendToStream('insats-1', [newEvent('InsatsSkapad'), newEvent('ArsmalSatt')], {
          expectedRevision: 'no-stream',
        });
        await store.appendToStream('deltagande-1', [newEvent('RemissMottagen')], {
          expectedRevision: 'no-stream',
        });
        await store.appendToStream('insats-1', [newEvent('InsatsAvslutad')], {
          expectedRevision: 1,
        });

        const events = await readAllUpToHead(store);

        expect(events.map((e) => `${e.streamId}@${e.revision}:${e.type}`)).toEqual([
          'insats-1@0:InsatsSkapad',
          'insats-1@1:ArsmalSatt',
          'deltagande-1@0:RemissMottagen',
          'insats-1@2:InsatsAvslutad',
        ]);
        expect(isStrictlyIncreasing(positionsOf(events))).toBe(true);
        expect(events.every((e) => Number.isSafeInteger(e.position) && e.position > 0)).toBe(true);
      });

      it('treats `after` as exclusive', async () => {
        for (let i = 0; i < 4; i++) {
          await store.appendToStream(`deltagande-${i}`, [newEvent('RemissMottagen', { i })], {
            expectedRevision: 'no-stream',
          });
        }
        const all = await readAllUpToHead(store);

        const rest = await store.readAll({ after: all[1]!.position, limit: 10 });

        expect(rest.map((e) => e.data)).toEqual([{ i: 2 }, { i: 3 }]);
        expect(await store.readAll({ after: all[3]!.position, limit: 10 })).toEqual([]);
      });

      it('returns at most `limit` events, and batches chained on the last position cover everything exactly once', async () => {
        for (let i = 0; i < 7; i++) {
          await store.appendToStream(
            `deltagande-${i}`,
            [newEvent('RemissMottagen', { i }), newEvent('DeltagareInskriven', { i })],
            {
              expectedRevision: 'no-stream',
            },
          );
        }
        const all = await readAllUpToHead(store);

        const batches: RecordedEvent[][] = [];
        let after = 0;
        for (;;) {
          const batch = await store.readAll({ after, limit: 3 });
          if (batch.length === 0) break;
          batches.push(batch);
          after = batch[batch.length - 1]!.position;
        }

        expect(batches.map((b) => b.length)).toEqual([3, 3, 3, 3, 2]);
        expect(batches.flat()).toEqual(all);
        expect(all).toHaveLength(14);
        expect(new Set(positionsOf(all)).size).toBe(14);
      });
    });

    describe('headPosition', () => {
      it('is 0 for an empty store', async () => {
        expect(await store.headPosition()).toBe(0);
      });

      it('is the position of the newest appended event', async () => {
        await store.appendToStream('insats-1', [newEvent('InsatsSkapad')], {
          expectedRevision: 'no-stream',
        });
        const last = await store.appendToStream(
          'insats-2',
          [newEvent('InsatsSkapad'), newEvent('ArsmalSatt')],
          {
            expectedRevision: 'no-stream',
          },
        );

        expect(await store.headPosition()).toBe(last.position);
      });
    });

    describe('follow', () => {
      it('yields events appended before and while following, then stops on abort', async () => {
        await store.appendToStream('deltagande-1', [newEvent('RemissMottagen')], {
          expectedRevision: 'no-stream',
        });
        const following = followUntil(store, {
          after: 0,
          limit: 10,
          count: 3,
          timeoutMs: 10_000,
          pollIntervalMs: 20,
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
        await store.appendToStream(
          'deltagande-1',
          [newEvent('DeltagareInskriven'), newEvent('DeltagareAvslutad')],
          {
            expectedRevision: 0,
          },
        );

        const { batches, timedOut } = await following;

        expect(timedOut).toBe(false);
        expect(batches.every((b) => b.length > 0)).toBe(true);
        expect(batches.flat().map((e) => e.type)).toEqual([
          'RemissMottagen',
          'DeltagareInskriven',
          'DeltagareAvslutad',
        ]);
        expect(isStrictlyIncreasing(positionsOf(batches.flat()))).toBe(true);
      });

      it('wakes on an append through the same store without waiting for the poll interval', async () => {
        const following = followUntil(store, {
          after: 0,
          limit: 10,
          count: 1,
          timeoutMs: 5_000,
          pollIntervalMs: 60_000,
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
        const appendedAt = Date.now();
        await store.appendToStream('deltagande-1', [newEvent('RemissMottagen')], {
          expectedRevision: 'no-stream',
        });

        const { batches, timedOut } = await following;

        expect(timedOut).toBe(false);
        expect(batches.flat().map((e) => e.streamId)).toEqual(['deltagande-1']);
        expect(Date.now() - appendedAt).toBeLessThan(2_000);
      });

      it('yields non-empty batches of at most `limit`, each starting after the previous one', async () => {
        for (let i = 0; i < 5; i++) {
          await store.appendToStream(`deltagande-${i}`, [newEvent('RemissMottagen', { i })], {
            expectedRevision: 'no-stream',
          });
        }
        const all = await readAllUpToHead(store);

        const { batches } = await followUntil(store, {
          after: all[0]!.position,
          limit: 2,
          count: 4,
          timeoutMs: 5_000,
        });

        expect(batches.map((b) => b.map((e) => e.data['i']))).toEqual([
          [1, 2],
          [3, 4],
        ]);
      });

      it('ends when aborted while waiting for new events', async () => {
        const controller = new AbortController();
        const batches: RecordedEvent[][] = [];
        const following = (async () => {
          for await (const batch of store.follow({
            after: 0,
            limit: 10,
            signal: controller.signal,
            pollIntervalMs: 60_000,
          })) {
            batches.push(batch);
          }
        })();
        await new Promise((resolve) => setTimeout(resolve, 50));

        controller.abort();

        await expect(following).resolves.toBeUndefined();
        expect(batches).toEqual([]);
      });
    });
  });
};
