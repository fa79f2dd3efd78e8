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
  apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void>;
  /** Empties the read model (rebuild from position 0). */
  reset(tx: EntityManager): Promise<void>;
}
