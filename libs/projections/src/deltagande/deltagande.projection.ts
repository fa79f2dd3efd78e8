import {
  decodeDeltagandeEvent,
  DELTAGANDE_STREAM_PREFIX,
  evolveDeltagande,
  idFromStream,
  initialDeltagande,
  type Deltagande,
  type DeltagandeEvent,
} from '#domain';
import type { RecordedEvent } from '#event-store';
import type { EntityManager } from 'typeorm';
import { type DeltagandeRow } from '../read-models/deltagande.entity.js';
import type { BatchScope, Projection } from '../runner/projection.js';

/** Forces this list to name every deltagande event: a new event type will not compile. */
const DELTAGANDE_EVENTS: Record<DeltagandeEvent['type'], true> = {
  RemissMottagen: true,
  RemissAterremitterad: true,
  DeltagareInskriven: true,
  DeltagareAvslutad: true,
  UppfoljningRegistrerad: true,
  RemissKorrigerad: true,
  InskrivningKorrigerad: true,
  AvslutKorrigerad: true,
  PersonuppgifterKorrigerade: true,
  AvslutAterkallat: true,
  DeltagandeMakulerat: true,
};
export const DELTAGANDE_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(DELTAGANDE_EVENTS));

/** Columns an existing row gets back from its state as the batch folds it. */
const EMPTY_COLUMNS = {
  status: '',
  personId: null,
  remissDatum: null,
  inskrivningDatum: null,
  avslutDatum: null,
  revision: 0,
  position: 0,
};

export const deltagandeId = (event: RecordedEvent): string =>
  idFromStream(event.streamId, DELTAGANDE_STREAM_PREFIX) ?? event.streamId;

/** A deltagande's read-model row as it was before the batch. */
export interface DeltagandeBefore {
  readonly id: string;
  readonly forbundId: string;
  readonly insatsId: string;
  readonly state: Deltagande;
  readonly createdAt: Date;
}

/**
 * The rows of the batch's deltaganden as they were before it, by id. The statistics
 * projection (which runs first) and this one both fold from them, so they are read once per
 * batch; nothing may change them.
 */
export const deltagandenBefore = (
  tx: EntityManager,
  batch: BatchScope,
): Promise<ReadonlyMap<string, DeltagandeBefore>> =>
  batch.once('deltaganden-before', async () => {
    const ids = new Set(
      batch.events.filter((e) => DELTAGANDE_EVENT_TYPES.has(e.type)).map(deltagandeId),
    );
    const rows: DeltagandeBefore[] = await tx.query(
      `SELECT id, forbund_id AS "forbundId", insats_id AS "insatsId", state,
              created_at AS "createdAt"
       FROM deltagande WHERE id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return new Map(rows.map((row) => [row.id, row] as const));
  });

/**
 * The förbund of each of the batch's deltaganden, by deltagande id: an existing one keeps its
 * row's, a new one takes its insats's (InsatsProjection, which runs first, has applied the
 * batch's insatser). Both projections that fold deltaganden read it, once per batch.
 */
export const forbundOfDeltaganden = (
  tx: EntityManager,
  batch: BatchScope,
): Promise<ReadonlyMap<string, string>> =>
  batch.once('forbund-of-deltaganden', async () => {
    const before = await deltagandenBefore(tx, batch);
    const forbund = new Map([...before.values()].map((row) => [row.id, row.forbundId] as const));
    const insatsOfNew = new Map<string, string>();
    for (const event of batch.events) {
      const id = deltagandeId(event);
      if (event.type === 'RemissMottagen' && !forbund.has(id)) {
        insatsOfNew.set(id, String(event.data.insatsId));
      }
    }
    if (insatsOfNew.size === 0) return forbund;
    const insatser: { id: string; forbund_id: string }[] = await tx.query(
      'SELECT id, forbund_id FROM insats WHERE id = ANY($1::uuid[])',
      [[...new Set(insatsOfNew.values())]],
    );
    const forbundOfInsats = new Map(insatser.map((insats) => [insats.id, insats.forbund_id]));
    for (const [id, insatsId] of insatsOfNew) {
      const forbundId = forbundOfInsats.get(insatsId);
      if (forbundId) forbund.set(id, forbundId);
    }
    return forbund;
  });

/** Current state per deltagande: the domain's own evolve, plus columns to filter on. */
export class DeltagandeProjection implements Projection {
  readonly name = 'deltagande';
  readonly handles = DELTAGANDE_EVENT_TYPES;
  readonly tables = ['deltagande'];

  async apply(
    events: readonly RecordedEvent[],
    tx: EntityManager,
    batch: BatchScope,
  ): Promise<void> {
    const existing = await deltagandenBefore(tx, batch);
    const rows = new Map<
      string,
      Omit<DeltagandeRow, 'createdAt' | 'updatedAt'> & {
        createdAt: Date;
        updatedAt?: Date;
      }
    >([...existing.values()].map((row) => [row.id, { ...row, ...EMPTY_COLUMNS }] as const));
    const forbund = await forbundOfDeltaganden(tx, batch);
    const changed = new Set<string>();

    for (const event of events) {
      const id = deltagandeId(event);
      const current = rows.get(id);
      const state = evolveDeltagande(
        current?.state ?? initialDeltagande(),
        decodeDeltagandeEvent(event),
      );
      const insatsId = state.insatsId ?? current?.insatsId;
      if (!insatsId) continue; // a stream that never had its remiss is not a deltagande
      rows.set(id, {
        id,
        forbundId: forbund.get(id) ?? '',
        insatsId,
        status: state.status,
        personId: state.person?.personId ?? null,
        remissDatum: state.remiss?.datum ?? null,
        inskrivningDatum: state.inskrivning?.datum ?? null,
        avslutDatum: state.avslut?.datum ?? null,
        state,
        revision: event.revision,
        position: event.position,
        createdAt: current?.createdAt ?? event.recordedAt,
        updatedAt: event.recordedAt,
      });
      changed.add(id);
    }
    if (changed.size === 0) return;
    // One set-based upsert per batch; TypeORM's entity upsert costs more than the database work.
    await tx.query(
      `INSERT INTO deltagande (id, forbund_id, insats_id, status, person_id, remiss_datum,
         inskrivning_datum, avslut_datum, state, revision, position, created_at, updated_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, forbund_id uuid, insats_id uuid,
         status text, person_id text, remiss_datum text, inskrivning_datum text, avslut_datum text,
         state jsonb, revision integer, position bigint, created_at timestamptz,
         updated_at timestamptz)
       ON CONFLICT (id) DO UPDATE SET forbund_id = excluded.forbund_id,
         insats_id = excluded.insats_id, status = excluded.status, person_id = excluded.person_id,
         remiss_datum = excluded.remiss_datum, inskrivning_datum = excluded.inskrivning_datum,
         avslut_datum = excluded.avslut_datum, state = excluded.state,
         revision = excluded.revision, position = excluded.position,
         updated_at = excluded.updated_at`,
      [
        JSON.stringify(
          [...changed].map((id) => {
            const row = rows.get(id)!;
            return {
              id: row.id,
              forbund_id: row.forbundId,
              insats_id: row.insatsId,
              status: row.status,
              person_id: row.personId,
              remiss_datum: row.remissDatum,
              inskrivning_datum: row.inskrivningDatum,
              avslut_datum: row.avslutDatum,
              state: row.state,
              revision: row.revision,
              position: row.position,
              created_at: row.createdAt,
              updated_at: row.updatedAt,
            };
          }),
        ),
      ],
    );
  }
}
