import { insatsStream } from '#domain';
import type { AppendResult, EventStore } from '#event-store';

/**
 * Appends, past the boundary, a volym the read models cannot store (an integer column): an
 * event written before the boundary refused such numbers. Every projection stalls on it.
 */
export const appendUnstorableVolym = (store: EventStore, insatsId: string): Promise<AppendResult> =>
  store.appendToStream(
    insatsStream(insatsId),
    [
      {
        type: 'VolymRegistrerad',
        data: {
          datum: '2025-03-02',
          kvinnor: 3_000_000_000,
          man: 0,
          ejAngivet: 0,
          aktivitet: null,
        },
        metadata: { userId: 'legacy', correlationId: 'c', causationId: 'c' },
      },
    ],
    { expectedRevision: 'any' },
  );
