import type { RecordedEvent } from '#event-store';
import type { EntityManager } from 'typeorm';

/**
 * A read model fed by the global event order. `apply` runs inside the runner's transaction,
 * together with the checkpoint update, so a batch is applied exactly once or not at all.
 */
export interface Projection {
  readonly name: string;
  /** Event types the projection reads; others are never passed to it. */
  readonly handles: ReadonlySet<string>;
  apply(events: readonly RecordedEvent[], tx: EntityManager, batch: BatchScope): Promise<void>;
  /**
   * The tables it writes, all in schema public. A rebuild builds new, empty copies of them
   * (columns, constraints, indexes) and swaps them in when it has applied every event.
   */
  readonly tables: readonly string[];
}

/** What the projections of one batch share. */
export interface BatchScope {
  /** The whole batch, whatever part of it a projection handles. */
  readonly events: readonly RecordedEvent[];
  /**
   * What `load` resolves to, loaded once per batch however many projections ask for `key`.
   * Only for data no projection of the batch changes, and never to be mutated.
   */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export const newBatchScope = (events: readonly RecordedEvent[]): BatchScope => {
  const loaded = new Map<string, Promise<unknown>>();
  return {
    events,
    once: <T>(key: string, load: () => Promise<T>): Promise<T> => {
      let value = loaded.get(key);
      if (!value) loaded.set(key, (value = load()));
      return value as Promise<T>;
    },
  };
};
