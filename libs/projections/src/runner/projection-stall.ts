import type { RecordedEvent } from '#event-store';

/** The event a projection cannot apply, and why: the read models stand still before it. */
export interface ProjectionStall {
  /** Global position of the event that fails. */
  readonly position: number;
  readonly streamId: string;
  readonly typ: string;
  /** The error's message (the database's own, in English). */
  readonly fel: string;
  /** When the event was recorded: changes made since then are not yet in the read models. */
  readonly sedan: string;
}

/** The longest `fel` kept: enough for any database message, not for a dumped payload. */
const MAX_FEL = 500;

export const stallAt = (event: RecordedEvent, error: unknown): ProjectionStall => ({
  position: event.position,
  streamId: event.streamId,
  typ: event.type,
  fel: (error instanceof Error ? error.message : String(error)).slice(0, MAX_FEL),
  sedan: event.recordedAt.toISOString(),
});

export const sameStall = (
  a: ProjectionStall | undefined,
  b: ProjectionStall | undefined,
): boolean => a?.position === b?.position && a?.fel === b?.fel;

/** A projection cannot apply this event; applying the events before it succeeded. */
export class ProjectionStalledError extends Error {
  constructor(
    readonly stall: ProjectionStall,
    options?: { cause?: unknown },
  ) {
    super(
      `Projektionen stannade vid händelse ${stall.position} (${stall.typ} i ${stall.streamId}): ${stall.fel}`,
      options,
    );
    this.name = 'ProjectionStalledError';
  }
}
