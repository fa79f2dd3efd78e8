import type { FollowOptions, ReadAllOptions, RecordedEvent } from './event-store.js';

const DEFAULT_POLL_INTERVAL_MS = 100;
/**
 * First retry delay when this process appended an event the reader cannot see yet: an older
 * transaction is still in flight, which usually commits within milliseconds. Doubles up to the
 * poll interval so a long transaction elsewhere does not turn into a busy loop.
 */
const PENDING_RETRY_MS = 2;

/** Tells followers of one store instance that it has committed an append. */
export class AppendSignal {
  private newest = 0;
  private readonly waiters = new Set<() => void>();

  /** Highest position this instance has committed. */
  get newestPosition(): number {
    return this.newest;
  }

  appended(position: number): void {
    if (position > this.newest) this.newest = position;
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves on the next append, after `timeoutMs`, or when the signal aborts. */
  wait(timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      signal.addEventListener('abort', wake, { once: true });
      this.waiters.add(wake);
    });
  }
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * `EventStore.follow` on top of `readAll`: reads full batches back to back, then waits for an
 * append through `appendSignal` or for the poll interval. Ends (without throwing) on abort.
 */
export async function* followByPolling(
  readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
  appendSignal: AppendSignal,
  options: FollowOptions,
): AsyncGenerator<RecordedEvent[], void, undefined> {
  const { signal, limit } = options;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  let after = options.after;
  let pendingRetryMs = PENDING_RETRY_MS;
  while (!signal.aborted) {
    const batch = await readAll({ after, limit });
    if (signal.aborted) return;
    if (batch.length > 0) {
      after = batch[batch.length - 1]!.position;
      pendingRetryMs = PENDING_RETRY_MS;
      yield batch;
      if (batch.length === limit) continue;
    }
    // Checked after the read, so an append that lands between the read and the wait is not missed.
    if (appendSignal.newestPosition > after) {
      await sleep(pendingRetryMs, signal);
      pendingRetryMs = Math.min(pendingRetryMs * 2, pollIntervalMs);
    } else {
      await appendSignal.wait(pollIntervalMs, signal);
    }
  }
}
