import { describeEventStoreContract, newEvent } from './contract/event-store.contract.js';
import { InMemoryEventStore } from './in-memory-event-store.js';

describeEventStoreContract(
  'InMemoryEventStore',
  async () => {
    const store = new InMemoryEventStore();
    return { store, cleanup: () => store.close() };
  },
  { exclusiveRollsBack: false },
);

describe('InMemoryEventStore', () => {
  it('stamps recordedAt from the injected clock', async () => {
    const store = new InMemoryEventStore({ now: () => new Date('2025-05-05T10:00:00.000Z') });
    await store.appendToStream('insats-1', [newEvent('InsatsSkapad')], {
      expectedRevision: 'no-stream',
    });

    expect((await store.readStream('insats-1'))[0]!.recordedAt).toEqual(
      new Date('2025-05-05T10:00:00.000Z'),
    );
  });

  it('numbers positions 1, 2, 3 in append order', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream('insats-1', [newEvent('InsatsSkapad'), newEvent('ArsmalSatt')], {
      expectedRevision: 'no-stream',
    });
    await store.appendToStream('insats-2', [newEvent('InsatsSkapad')], {
      expectedRevision: 'no-stream',
    });

    expect((await store.readAll({ after: 0, limit: 10 })).map((e) => e.position)).toEqual([
      1, 2, 3,
    ]);
  });

  it('ends a running follow when the store is closed', async () => {
    const store = new InMemoryEventStore();
    const following = (async () => {
      let batches = 0;
      for await (const _batch of store.follow({
        after: 0,
        limit: 10,
        signal: new AbortController().signal,
        pollIntervalMs: 60_000,
      })) {
        batches++;
      }
      return batches;
    })();

    await store.close();

    await expect(following).resolves.toBe(0);
  });
});
