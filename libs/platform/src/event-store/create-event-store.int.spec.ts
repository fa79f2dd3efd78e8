import { loadConfig } from '../config/app-config.js';
import { createEventStore } from './create-event-store.js';

describe('createEventStore', () => {
  it('connects EVENT_STORE=kurrentdb through the KurrentDB client and fails clearly without a server', async () => {
    const config = loadConfig({
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://127.0.0.1:1?tls=false',
    });
    await expect(createEventStore(config, 'postgres://unused')).rejects.toThrow(
      /^KurrentDB did not answer a read of \$all/,
    );
  }, 30_000);
});
