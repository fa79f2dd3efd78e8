import { DELTAGANDE_STREAM_PREFIX, idFromStream } from '#domain';
import type { RecordedEvent } from '#event-store';
import type { EntityManager } from 'typeorm';
import { DeltagandeHistorikRow } from '../read-models/deltagande-historik.entity.js';
import type { Projection } from '../runner/projection.js';
import { DELTAGANDE_EVENT_TYPES } from './deltagande.projection.js';

/** The timeline of each deltagande: every event with who recorded it and when. */
export class DeltagandeHistorikProjection implements Projection {
  readonly name = 'deltagande-historik';
  readonly handles = DELTAGANDE_EVENT_TYPES;

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    await tx.getRepository(DeltagandeHistorikRow).insert(
      events.map((event) => ({
        position: event.position,
        deltagandeId: idFromStream(event.streamId, DELTAGANDE_STREAM_PREFIX) ?? event.streamId,
        revision: event.revision,
        type: event.type,
        data: event.data as DeltagandeHistorikRow['data'] & object,
        recordedAt: event.recordedAt,
        userId: event.metadata.userId,
      })),
    );
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('TRUNCATE deltagande_historik');
  }
}
