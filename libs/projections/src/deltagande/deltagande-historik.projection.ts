import { DELTAGANDE_STREAM_PREFIX, idFromStream } from '#domain';
import type { RecordedEvent } from '#event-store';
import type { EntityManager } from 'typeorm';
import type { Projection } from '../runner/projection.js';
import { DELTAGANDE_EVENT_TYPES } from './deltagande.projection.js';

/** The timeline of each deltagande: every event with who recorded it and when. */
export class DeltagandeHistorikProjection implements Projection {
  readonly name = 'deltagande-historik';
  readonly handles = DELTAGANDE_EVENT_TYPES;

  /** One set-based insert per batch: this is the largest read model by rows. */
  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO deltagande_historik
         (position, deltagande_id, revision, type, data, recorded_at, user_id)
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::int[], $4::text[], $5::jsonb[],
                            $6::timestamptz[], $7::text[])`,
      [
        events.map((event) => event.position),
        events.map(
          (event) => idFromStream(event.streamId, DELTAGANDE_STREAM_PREFIX) ?? event.streamId,
        ),
        events.map((event) => event.revision),
        events.map((event) => event.type),
        events.map((event) => JSON.stringify(event.data)),
        events.map((event) => event.recordedAt.toISOString()),
        events.map((event) => event.metadata.userId),
      ],
    );
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('TRUNCATE deltagande_historik');
  }
}
