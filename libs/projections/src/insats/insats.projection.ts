import {
  decodeInsatsEvent,
  evolveInsats,
  idFromStream,
  initialInsats,
  INSATS_STREAM_PREFIX,
  type Insats,
  type InsatsEvent,
} from '#domain';
import type { RecordedEvent } from '#event-store';
import { In, type EntityManager } from 'typeorm';
import { InsatsRow } from '../read-models/insats.entity.js';
import type { Projection } from '../runner/projection.js';

const INSATS_EVENTS: Record<InsatsEvent['type'], true> = {
  InsatsSkapad: true,
  InsatsAndrad: true,
  ArsmalSatt: true,
  InsatsAvslutad: true,
  VolymRegistrerad: true,
  MalSatt: true,
  MalBorttaget: true,
  EkonomiSatt: true,
};
export const INSATS_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(INSATS_EVENTS));

const insatsId = (event: RecordedEvent): string =>
  idFromStream(event.streamId, INSATS_STREAM_PREFIX) ?? event.streamId;

const toState = (row: InsatsRow): Insats => ({
  ...initialInsats(),
  exists: true,
  insatsId: row.id,
  forbundId: row.forbundId,
  namn: row.namn,
  inriktning: row.inriktning as Insats['inriktning'],
  matmetod: row.matmetod as Insats['matmetod'],
  startdatum: row.startdatum,
  slutdatum: row.slutdatum,
  utforare: row.utforare,
  malgrupp: row.malgrupp,
  grupp: row.grupp,
  ordning: row.ordning,
  avslutad: row.avslutad,
  arsmal: Object.fromEntries(row.arsmal.map(({ ar, ...mal }) => [ar, mal])),
});

/** Insatser with their årsmål, for lists and for scoping by förbund. */
export class InsatsProjection implements Projection {
  readonly name = 'insats';
  readonly handles = INSATS_EVENT_TYPES;
  readonly tables = ['insats'];

  async apply(handled: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    // MalSatt and MalBorttaget of a förbund's stream have the same type names: not an insats's.
    const events = handled.filter((event) => event.streamId.startsWith(INSATS_STREAM_PREFIX));
    const repository = tx.getRepository(InsatsRow);
    const ids = [...new Set(events.map(insatsId))];
    const rows = new Map(
      (await repository.findBy({ id: In(ids) })).map((row) => [row.id, row] as const),
    );
    for (const event of events) {
      const id = insatsId(event);
      const current = rows.get(id);
      const state = evolveInsats(
        current ? toState(current) : initialInsats(),
        decodeInsatsEvent(event),
      );
      if (!state.exists) continue;
      rows.set(id, {
        id,
        forbundId: state.forbundId!,
        namn: state.namn!,
        inriktning: state.inriktning!,
        matmetod: state.matmetod!,
        startdatum: state.startdatum!,
        slutdatum: state.slutdatum ?? null,
        utforare: state.utforare ?? null,
        malgrupp: state.malgrupp ?? null,
        // InsatsSkapad before version 2 carried neither.
        grupp: state.grupp ?? null,
        ordning: state.ordning ?? null,
        avslutad: state.avslutad,
        arsmal: Object.entries(state.arsmal)
          .map(([ar, mal]) => ({ ar: Number(ar), ...mal }))
          .sort((a, b) => a.ar - b.ar),
        skapad: current?.skapad ?? event.recordedAt,
        revision: event.revision,
        position: event.position,
      });
    }
    const changed = ids.map((id) => rows.get(id)).filter((row) => row !== undefined);
    if (changed.length > 0) await repository.upsert(changed, ['id']);
  }
}
