import {
  DELTAGANDE_STREAM_PREFIX,
  evolveDeltagande,
  idFromStream,
  initialDeltagande,
  type DeltagandeEvent,
} from '#domain';
import type { RecordedEvent } from '#event-store';
import { In, type EntityManager } from 'typeorm';
import { DeltagandeRow } from '../read-models/deltagande.entity.js';
import { InsatsRow } from '../read-models/insats.entity.js';
import type { Projection } from '../runner/projection.js';

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

const deltagandeId = (event: RecordedEvent): string =>
  idFromStream(event.streamId, DELTAGANDE_STREAM_PREFIX) ?? event.streamId;

/** Current state per deltagande: the domain's own evolve, plus columns to filter on. */
export class DeltagandeProjection implements Projection {
  readonly name = 'deltagande';
  readonly handles = DELTAGANDE_EVENT_TYPES;

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const repository = tx.getRepository(DeltagandeRow);
    const ids = [...new Set(events.map(deltagandeId))];
    const rows = new Map(
      (await repository.findBy({ id: In(ids) })).map((row) => [row.id, row] as const),
    );
    const forbundByInsats = await this.forbundOfNewDeltaganden(events, rows, tx);

    for (const event of events) {
      const id = deltagandeId(event);
      const current = rows.get(id);
      const state = evolveDeltagande(
        current?.state ?? initialDeltagande(),
        event as unknown as DeltagandeEvent,
      );
      const insatsId = state.insatsId ?? current?.insatsId;
      if (!insatsId) continue; // a stream that never had its remiss is not a deltagande
      rows.set(id, {
        id,
        forbundId: current?.forbundId ?? forbundByInsats.get(insatsId) ?? '',
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
    }
    const changed = ids.map((id) => rows.get(id)).filter((row) => row !== undefined);
    if (changed.length > 0) await repository.upsert(changed, ['id']);
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('TRUNCATE deltagande');
  }

  private async forbundOfNewDeltaganden(
    events: readonly RecordedEvent[],
    rows: ReadonlyMap<string, DeltagandeRow>,
    tx: EntityManager,
  ): Promise<Map<string, string>> {
    const insatsIds = new Set<string>();
    for (const event of events) {
      if (event.type === 'RemissMottagen' && !rows.has(deltagandeId(event))) {
        insatsIds.add(String(event.data.insatsId));
      }
    }
    if (insatsIds.size === 0) return new Map();
    const insatser = await tx.getRepository(InsatsRow).findBy({ id: In([...insatsIds]) });
    return new Map(insatser.map((insats) => [insats.id, insats.forbundId] as const));
  }
}
