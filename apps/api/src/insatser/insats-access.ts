import {
  idFromStream,
  insatsDecider,
  insatsStream,
  INSATS_STREAM_PREFIX,
  type Insats,
  type InsatsCommand,
} from '#domain';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import type { ExclusiveAppender } from '#event-store';
import type { CommandMetadata } from '../commands/command-metadata.js';
import type { CommandResponseDto } from '../commands/command-response.dto.js';
import { StreamCommandRunner, type LoadedStream } from '../commands/stream-command-runner.js';
import { ForbiddenError, NotFoundError } from '../http/application-errors.js';

export const INSATS_SAKNAS = 'Insatsen finns inte';

/**
 * How long a deltagande command may rely on a copy of its insats. Changes made through this
 * process end the copy at once; only a change through another process (a second API replica)
 * can go unseen that long, no longer than the race between reading the insats and appending
 * to the deltagande that always existed.
 */
export const INSATS_COPY_MS = 1_000;

/** Tenancy and role checks for an insats: other förbund → 404, not your insats → 403. */
@Injectable()
export class InsatsAccess {
  /** Recently read insatser, for the deltagande commands that each need theirs. */
  private readonly copies = new Map<string, { insats: InsatsAt; until: number }>();
  /** Reads under way: deltagande commands that arrive meanwhile wait for the same one. */
  private readonly reading = new Map<string, Promise<InsatsAt>>();
  /** Counts this process's appends to insatser: a read that overlaps one is not kept. */
  private changes = 0;

  constructor(private readonly streams: StreamCommandRunner) {
    streams.onAppended((streamId) => {
      const insatsId = idFromStream(streamId, INSATS_STREAM_PREFIX);
      if (insatsId === undefined) return;
      this.changes++;
      this.copies.delete(insatsId);
      this.reading.delete(insatsId);
    });
  }

  /** The insats as its stream says (the write side's truth), if it belongs to the förbund. */
  async loadInForbund(insatsId: string, forbundId: string): Promise<LoadedStream<Insats>> {
    const loaded = await this.streams.load(insatsStream(insatsId), insatsDecider);
    return { ...loaded, state: inForbund(loaded.state, forbundId) };
  }
  /** A command on an insats of the user's förbund: load, decide, append at the revision read. */
  async decide(
    insatsId: string,
    command: InsatsCommand,
    metadata: CommandMetadata,
    appender?: ExclusiveAppender,
  ): Promise<CommandResponseDto> {
    const loaded = await this.loadInForbund(insatsId, metadata.user.forbundId);
    return this.streams.decideAndAppend(
      insatsStream(insatsId),
      insatsId,
      insatsDecider,
      loaded,
      command,
      metadata,
      appender ? { appender } : {},
    );
  }

  /**
   * A command on an insats whose decision rests on the insats's deltaganden (an avslut: none
   * open): `build` looks at them and the command is decided and appended while no command that
   * opens a deltagande in the insats can be appended (their appends are guarded by the insats,
   * see DeltagandeCommands), so none can slip in between the look and the append.
   */
  decideExclusively(
    insatsId: string,
    build: () => Promise<InsatsCommand>,
    metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.streams.exclusively(insatsStream(insatsId), async (appender) =>
      this.decide(insatsId, await build(), metadata, appender),
    );
  }

  /**
   * The insats a deltagande command decides against, read from its stream at most
   * INSATS_COPY_MS ago. Commands that append to the insats itself use loadInForbund.
   */
  async stateInForbund(insatsId: string, forbundId: string): Promise<Insats> {
    return (await this.atInForbund(insatsId, forbundId)).insats;
  }

  /**
   * As stateInForbund, with the revision it was read at: a deltagande command appends guarded
   * by it (AppendGuard), so it is never stored after the insats changed, however old the copy.
   * `fresh` reads the stream instead of a copy (after such a guard refused an append).
   */
  async atInForbund(
    insatsId: string,
    forbundId: string,
    options: { fresh?: boolean } = {},
  ): Promise<InsatsAt> {
    const copy = options.fresh ? undefined : this.copies.get(insatsId);
    if (copy && copy.until > Date.now()) return atInForbund(copy.insats, forbundId);
    let read = options.fresh ? undefined : this.reading.get(insatsId);
    if (!read) {
      const started = this.read(insatsId).finally(() => {
        if (this.reading.get(insatsId) === started) this.reading.delete(insatsId);
      });
      this.reading.set(insatsId, started);
      read = started;
    }
    return atInForbund(await read, forbundId);
  }

  private async read(insatsId: string): Promise<InsatsAt> {
    const changesBefore = this.changes;
    const { state, revision } = await this.streams.load(insatsStream(insatsId), insatsDecider);
    const read = { insats: state, revision };
    // Only existing insatser are kept, so unknown ids cannot grow the map.
    if (state.exists && this.changes === changesBefore) {
      this.copies.set(insatsId, { insats: read, until: Date.now() + INSATS_COPY_MS });
    }
    return read;
  }

  /** Personal register only in the insatser they work in. */
  assertWorksIn(user: AuthUser, insatsId: string): void {
    if (user.roll !== 'personal' || !user.insatser.includes(insatsId)) {
      throw new ForbiddenError('Du arbetar inte i den här insatsen');
    }
  }
}

/** An insats as its stream had it at `revision`. */
export interface InsatsAt {
  readonly insats: Insats;
  readonly revision: number;
}

const inForbund = (insats: Insats, forbundId: string): Insats => {
  if (!insats.exists || insats.forbundId !== forbundId) throw new NotFoundError(INSATS_SAKNAS);
  return insats;
};

const atInForbund = (read: InsatsAt, forbundId: string): InsatsAt => {
  inForbund(read.insats, forbundId);
  return read;
};
