import type { DeltagandeEvent } from '../deltagande/deltagande.js';
import type { ForbundEvent } from '../forbund/forbund.js';
import type { InsatsEvent, InsatsSkapad, VolymRegistrerad } from '../insats/insats.js';

/*
 * The one place that knows how stored events look: the store holds each event's type name and
 * its data as plain JSON, in the shape it had when it was written. A type name never changes;
 * a shape that gained a field is upcast here, so evolve, projections and the timeline see one
 * shape. No per-field validation: the deciders checked every event before it was stored, and
 * projections decode millions of events.
 */

/** An event as the store gives it back. */
export type StoredEvent = { readonly type: string; readonly data: Record<string, unknown> };

/** A stored event whose type the stream kind does not have: a bug or a foreign stream. */
export class UnknownEventTypeError extends Error {
  constructor(
    readonly streamKind: string,
    readonly eventType: string,
  ) {
    super(`Okänd händelsetyp i en ${streamKind}-ström: ${eventType}`);
    this.name = 'UnknownEventTypeError';
  }
}

/** InsatsSkapad before grupp and ordning (version 2): the insats belongs to no grupp. */
export type InsatsSkapadV1 = Omit<InsatsSkapad['data'], 'grupp' | 'ordning'>;
/** VolymRegistrerad before kommun (version 2): the kommun is not known. */
export type VolymRegistreradV1 = Omit<VolymRegistrerad['data'], 'kommun'>;

export const upcastInsatsSkapad = (
  data: InsatsSkapadV1 & Partial<Pick<InsatsSkapad['data'], 'grupp' | 'ordning'>>,
): InsatsSkapad['data'] => ({ ...data, grupp: data.grupp ?? null, ordning: data.ordning ?? null });

export const upcastVolymRegistrerad = (
  data: VolymRegistreradV1 & Partial<Pick<VolymRegistrerad['data'], 'kommun'>>,
): VolymRegistrerad['data'] => ({ ...data, kommun: data.kommun ?? null });

type DataOf<E extends { type: string; data: object }, T extends E['type']> = Extract<
  E,
  { type: T }
>['data'];

/** Per event type, its data as stored → as the domain has it. Naming every type is enforced. */
type Readers<E extends { type: string; data: object }> = {
  readonly [T in E['type']]: (data: Record<string, unknown>) => DataOf<E, T>;
};

/** Data whose shape has not changed since the type was first written. */
const asStored = <D>(data: Record<string, unknown>): D => data as D;

const decoder =
  <E extends { type: string; data: object }>(streamKind: string, readers: Readers<E>) =>
  (event: StoredEvent): E => {
    if (!Object.hasOwn(readers, event.type))
      throw new UnknownEventTypeError(streamKind, event.type);
    const read = readers[event.type as E['type']];
    return { type: event.type, data: read(event.data) } as E;
  };

export const decodeInsatsEvent = decoder<InsatsEvent>('insats', {
  InsatsSkapad: (data) => upcastInsatsSkapad(data as InsatsSkapadV1),
  InsatsAndrad: asStored,
  // Before version 2 every ArsmalSatt held all three parts, which is still a valid shape.
  ArsmalSatt: asStored,
  InsatsAvslutad: asStored,
  VolymRegistrerad: (data) => upcastVolymRegistrerad(data as VolymRegistreradV1),
  MalSatt: asStored,
  MalBorttaget: asStored,
  EkonomiSatt: asStored,
});

export const decodeDeltagandeEvent = decoder<DeltagandeEvent>('deltagande', {
  RemissMottagen: asStored,
  RemissAterremitterad: asStored,
  DeltagareInskriven: asStored,
  DeltagareAvslutad: asStored,
  UppfoljningRegistrerad: asStored,
  RemissKorrigerad: asStored,
  InskrivningKorrigerad: asStored,
  AvslutKorrigerad: asStored,
  PersonuppgifterKorrigerade: asStored,
  AvslutAterkallat: asStored,
  DeltagandeMakulerat: asStored,
});

export const decodeForbundEvent = decoder<ForbundEvent>('forbund', {
  MalSatt: asStored,
  MalBorttaget: asStored,
});
