import { Inject, Injectable } from '@nestjs/common';
import type { Decider } from '#domain';
import type { AppendGuard, EventStore, ExclusiveAppender } from '#event-store';
import { PreconditionFailedError } from '../http/application-errors.js';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import type { CommandMetadata } from './command-metadata.js';
import type { CommandResponseDto } from './command-response.dto.js';

/** Where a command left its stream: the revision and position of its last event. */
export interface StreamPoint {
  readonly revision: number;
  readonly position: number;
}

export interface LoadedStream<State> {
  readonly state: State;
  /** Revision of the last event; -1 for a stream that does not exist. */
  readonly revision: number;
  /** The commands sent with an Idempotency-Key that this stream holds, by key. */
  readonly idempotencyKeys: ReadonlyMap<string, StreamPoint>;
}

/**
 * The one path every command takes: read the stream, fold it, decide, append at the revision
 * that was read. A concurrent writer makes the append fail (409), never a lost update.
 */
@Injectable()
export class StreamCommandRunner {
  private readonly appendListeners: ((streamId: string) => void)[] = [];

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Tells `listener` of every stream this process appends to (e.g. to drop a cached copy). */
  onAppended(listener: (streamId: string) => void): void {
    this.appendListeners.push(listener);
  }

  async load<S, C, E extends { type: string; data: object }>(
    streamId: string,
    decider: Decider<S, C, E>,
  ): Promise<LoadedStream<S>> {
    const events = await this.store.readStream(streamId);
    const idempotencyKeys = new Map<string, StreamPoint>();
    let state = decider.initialState();
    for (const event of events) {
      state = decider.evolve(state, decider.decode(event));
      const key = event.metadata.idempotencyKey;
      if (key) idempotencyKeys.set(key, { revision: event.revision, position: event.position });
    }
    return { state, revision: events.length - 1, idempotencyKeys };
  }

  /**
   * Runs `work` holding `streamId` against guarded appends (EventStore.exclusively): for a
   * check over the stream's dependants and the append that relies on it.
   */
  async exclusively<T>(
    streamId: string,
    work: (appender: ExclusiveAppender) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.store.exclusively(streamId, work);
    } finally {
      // Again once committed (or dropped): a copy read between the append and the commit is stale.
      for (const listener of this.appendListeners) listener(streamId);
    }
  }

  /** A stream known not to exist yet (a fresh id): nothing to read. */
  empty<S, C, E extends { type: string; data: object }>(
    decider: Decider<S, C, E>,
  ): LoadedStream<S> {
    return { state: decider.initialState(), revision: -1, idempotencyKeys: new Map() };
  }

  /** The result of this request's Idempotency-Key's command, if the stream already holds it. */
  earlierResult<S>(
    id: string,
    loaded: LoadedStream<S>,
    metadata: CommandMetadata,
  ): CommandResponseDto | undefined {
    const key = metadata.idempotencyKey;
    const earlier = key === undefined ? undefined : loaded.idempotencyKeys.get(key);
    return earlier && { id, revision: earlier.revision, position: earlier.position };
  }

  /**
   * Decides against an already loaded stream and appends at the revision it was loaded at.
   * A retried Idempotency-Key whose command the stream already holds gets that command's
   * result and appends nothing: the key travels with the events, so this holds whatever
   * crashed between the append and the stored answer.
   */
  async decideAndAppend<S, C, E extends { type: string; data: object }>(
    streamId: string,
    id: string,
    decider: Decider<S, C, E>,
    loaded: LoadedStream<S>,
    command: C,
    metadata: CommandMetadata,
    options: {
      /** Append only while this other stream is unchanged (see AppendGuard). */
      readonly guard?: AppendGuard;
      /** Append inside a transaction `exclusively` opened, instead of on its own. */
      readonly appender?: ExclusiveAppender;
    } = {},
  ): Promise<CommandResponseDto> {
    // Before If-Match: the retry's If-Match named the revision before its own first attempt.
    const earlier = this.earlierResult(id, loaded, metadata);
    if (earlier) return earlier;
    const key = metadata.idempotencyKey;
    if (metadata.ifMatch !== undefined && metadata.ifMatch !== loaded.revision) {
      throw new PreconditionFailedError(metadata.ifMatch, loaded.revision);
    }
    const events = decider.decide(command, loaded.state);
    const appender = options.appender ?? this.store;
    const result = await appender.appendToStream(
      streamId,
      events.map((event) => ({
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: {
          userId: metadata.user.id,
          correlationId: metadata.correlationId,
          causationId: metadata.causationId,
          ...(key === undefined ? {} : { idempotencyKey: key }),
        },
      })),
      {
        expectedRevision: loaded.revision < 0 ? 'no-stream' : loaded.revision,
        ...(options.guard ? { guard: options.guard } : {}),
      },
    );
    for (const listener of this.appendListeners) listener(streamId);
    return { id, revision: result.revision, position: result.position };
  }
}
