import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '#event-store';
import { PreconditionFailedError } from '../http/application-errors.js';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import type { CommandMetadata } from './command-metadata.js';
import type { CommandResponseDto } from './command-response.dto.js';
import type { Decider } from './decider.js';

export interface LoadedStream<State> {
  readonly state: State;
  /** Revision of the last event; -1 for a stream that does not exist. */
  readonly revision: number;
}

/**
 * The one path every command takes: read the stream, fold it, decide, append at the revision
 * that was read. A concurrent writer makes the append fail (409), never a lost update.
 */
@Injectable()
export class StreamCommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load<S, C, E extends { type: string; data: object }>(
    streamId: string,
    decider: Decider<S, C, E>,
  ): Promise<LoadedStream<S>> {
    const events = await this.store.readStream(streamId);
    return {
      state: events.reduce(
        (state, event) => decider.evolve(state, toDomainEvent<E>(event)),
        decider.initialState(),
      ),
      revision: events.length - 1,
    };
  }

  /** Decides against an already loaded stream and appends at the revision it was loaded at. */
  async decideAndAppend<S, C, E extends { type: string; data: object }>(
    streamId: string,
    id: string,
    decider: Decider<S, C, E>,
    loaded: LoadedStream<S>,
    command: C,
    metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    if (metadata.ifMatch !== undefined && metadata.ifMatch !== loaded.revision) {
      throw new PreconditionFailedError(metadata.ifMatch, loaded.revision);
    }
    const events = decider.decide(command, loaded.state);
    const result = await this.store.appendToStream(
      streamId,
      events.map((event) => ({
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: {
          userId: metadata.user.id,
          correlationId: metadata.correlationId,
          causationId: metadata.causationId,
        },
      })),
      { expectedRevision: loaded.revision < 0 ? 'no-stream' : loaded.revision },
    );
    return { id, revision: result.revision, position: result.position };
  }
}

/** Stored events are the domain's events as written; an upcast goes here when a shape changes. */
export const toDomainEvent = <E>(event: RecordedEvent): E =>
  ({ type: event.type, data: event.data }) as E;
