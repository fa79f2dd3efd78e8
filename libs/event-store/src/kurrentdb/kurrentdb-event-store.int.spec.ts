import { randomUUID } from 'node:crypto';
import { describeEventStoreContract } from '../contract/event-store.contract.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

/** e.g. `kurrentdb://localhost:2113?tls=false` for the server in docker/. */
const url = process.env.KURRENTDB_URL;
const SKIP_REASON = 'KurrentDB contract suite — skipped: KURRENTDB_URL is not set';

if (url) {
  // A server cannot be emptied between tests: each test gets its own stream namespace instead.
  describeEventStoreContract(
    'KurrentDbEventStore (KURRENTDB_URL)',
    async () => {
      const store = await KurrentDbEventStore.create({
        connectionString: url,
        namespace: `contract-${randomUUID()}-`,
      });
      return { store, cleanup: () => store.close() };
    },
    { atomicAcrossStreams: false },
  );
} else {
  describe.skip(SKIP_REASON, () => {
    it('runs the EventStore contract against KurrentDB', () => undefined);
  });

  describe('KurrentDB contract suite', () => {
    it('reports that it was skipped because KURRENTDB_URL is not set', () => {
      console.warn(SKIP_REASON);
      expect(url ?? '').toBe('');
    });
  });
}
