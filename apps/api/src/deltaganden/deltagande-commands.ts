import {
  DomainError,
  deltagandeDecider,
  deltagandeStream,
  insatsStream,
  type Deltagande,
  type DeltagandeCommand,
  type DeltagandeContext,
  type KorrigeraPersonuppgifter,
} from '#domain';
import { ConcurrencyError, type AppendGuard } from '#event-store';
import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { Clock } from '../commands/clock.js';
import type { CommandMetadata } from '../commands/command-metadata.js';
import type { CommandResponseDto } from '../commands/command-response.dto.js';
import { StreamCommandRunner, type LoadedStream } from '../commands/stream-command-runner.js';
import { NotFoundError, PreconditionFailedError } from '../http/application-errors.js';
import { InsatsAccess } from '../insatser/insats-access.js';
import { PersonLock } from '../personer/person-lock.js';
import { PersonVault } from '../personer/person-vault.js';
import {
  PersonensDeltaganden,
  personContext,
  type PersonensDeltagande,
} from '../personer/personens-deltaganden.js';

export const DELTAGANDE_SAKNAS = 'Deltagandet finns inte';

type Loaded = LoadedStream<Deltagande>;
type PersonCorrection = KorrigeraPersonuppgifter['data'];

/**
 * Every deltagande command: load the deltagande, check the caller may work in its insats
 * (other förbund → 404, not the caller's insats → 403), give the decider the insats as
 * context, and append at the revision that was read.
 *
 * Rules across a registered person's deltaganden (one open deltagande per insats; one kön and
 * födelseår) are checked and relied on under the person's lock: read the person's deltaganden,
 * decide, append, and only then let the next command on the person look.
 */
@Injectable()
export class DeltagandeCommands {
  constructor(
    private readonly streams: StreamCommandRunner,
    private readonly access: InsatsAccess,
    private readonly clock: Clock,
    private readonly personens: PersonensDeltaganden,
    private readonly personLock: PersonLock,
    private readonly vault: PersonVault,
  ) {}

  /**
   * Starts a new deltagande (remiss, optionally with direct inskrivning). Callers check access
   * with contextFor before they store any personal data; `build` makes the command from the
   * insats as the append is guarded by (see guardedByInsats).
   */
  async start(
    deltagandeId: string,
    metadata: CommandMetadata,
    insatsId: string,
    build: (context: DeltagandeContext) => DeltagandeCommand,
  ): Promise<CommandResponseDto> {
    // A fresh id has no stream to read; a retried Idempotency-Key's may hold its first attempt.
    const loaded = metadata.idempotencyKey
      ? await this.load(deltagandeId)
      : this.streams.empty(deltagandeDecider);
    return this.guardedByInsats(insatsId, metadata.user.forbundId, (context, guard) =>
      this.decideAndAppend(deltagandeId, loaded, build(context), metadata, guard),
    );
  }

  /**
   * Runs `work` under the person's lock with the person's deltaganden as they are after every
   * earlier command on the person. Commands without a registered person never come here, so
   * they neither wait for the lock nor for the projections.
   */
  async forPerson<T>(
    personId: string,
    work: (deltaganden: readonly PersonensDeltagande[]) => Promise<T>,
  ): Promise<T> {
    return this.personLock.run(await this.vault.lockKeyOf(personId), async () =>
      work(await this.personens.read(personId)),
    );
  }

  /**
   * Runs a command on an existing deltagande. Only a command that can reopen a deltagande
   * (återkallat avslut) asks whether the person already has another open one in the insats:
   * that check takes the person's lock and waits for the projections, so others do not pay.
   * Its append is guarded by the insats (see guardedByInsats), with a person or without.
   */
  async execute(
    deltagandeId: string,
    metadata: CommandMetadata,
    build: (context: DeltagandeContext) => DeltagandeCommand,
    options: { checksOpenDeltagande?: boolean } = {},
  ): Promise<CommandResponseDto> {
    const loaded = await this.load(deltagandeId);
    const insatsId = loaded.state.insatsId;
    if (!insatsId) throw new NotFoundError(DELTAGANDE_SAKNAS);
    const context = await this.contextFor(insatsId, metadata, DELTAGANDE_SAKNAS);
    const personId = loaded.state.person?.personId;
    if (!options.checksOpenDeltagande)
      return this.decideAndAppend(deltagandeId, loaded, build(context), metadata);
    if (!personId)
      return this.guardedByInsats(insatsId, metadata.user.forbundId, (insats, guard) =>
        this.decideAndAppend(deltagandeId, loaded, build(insats), metadata, guard),
      );
    // The stream's revision guards the deltagande itself; the lock guards the person's others.
    // Reopening a deltagande must not slip past an avslut of its insats, as a registration.
    return this.forPerson(personId, (deltaganden) =>
      this.guardedByInsats(insatsId, metadata.user.forbundId, (insats, guard) =>
        this.decideAndAppend(
          deltagandeId,
          loaded,
          build({
            ...insats,
            personHarOppetDeltagandeIInsatsen: personContext(deltaganden, insatsId, deltagandeId)
              .personHarOppetDeltagandeIInsatsen,
          }),
          metadata,
          guard,
        ),
      ),
    );
  }

  /**
   * For commands that open a deltagande in an insats (a registration, a reopening): decides
   * against the insats at revision r and appends only if the insats is still at r and no avslut
   * of it is checking its deltaganden (AppendGuard; the check is part of the append statement,
   * no extra round trip). So an avslut either sees the deltagande or the deltagande sees the
   * avslut and is refused. When the guard refuses, the insats is read afresh and the command
   * decided again, a few times with growing pauses (an avslut holds the insats for as long as
   * its check takes), before the conflict is the answer (409).
   */
  private async guardedByInsats(
    insatsId: string,
    forbundId: string,
    append: (context: DeltagandeContext, guard: AppendGuard) => Promise<CommandResponseDto>,
  ): Promise<CommandResponseDto> {
    const streamId = insatsStream(insatsId);
    for (let attempt = 0; ; attempt++) {
      const { context, revision } = await this.insatsContextAt(insatsId, forbundId, attempt > 0);
      try {
        return await append(context, { streamId, revision });
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || error.streamId !== streamId) throw error;
        if (attempt >= GUARD_RETRIES) throw error;
        await sleep(GUARD_FIRST_PAUSE_MS * 2 ** attempt);
      }
    }
  }

  /**
   * Corrects personuppgifter. Kön and födelseår belong to a registered person, so they are
   * corrected on every one of the person's deltaganden that is not makulerat: every command is
   * decided first, then the others are appended and this one last. If an append fails, nothing
   * later is written, and sending the same korrigering again corrects only what still differs.
   */
  async korrigeraPersonuppgifter(
    deltagandeId: string,
    metadata: CommandMetadata,
    data: PersonCorrection,
  ): Promise<CommandResponseDto> {
    const first = await this.load(deltagandeId);
    const insatsId = first.state.insatsId;
    if (!insatsId) throw new NotFoundError(DELTAGANDE_SAKNAS);
    const context = await this.contextFor(insatsId, metadata, DELTAGANDE_SAKNAS);
    const command: DeltagandeCommand = { type: 'KorrigeraPersonuppgifter', data, context };
    const personId = first.state.person?.personId;
    if (!personId || (data.kon === undefined && data.fodelsear === undefined))
      return this.decideAndAppend(deltagandeId, first, command, metadata);

    return this.forPerson(personId, async (deltaganden) => {
      const loaded = await this.load(deltagandeId);
      // A retried Idempotency-Key whose korrigering this deltagande already holds.
      const earlier = this.streams.earlierResult(deltagandeId, loaded, metadata);
      if (earlier) return earlier;
      if (metadata.ifMatch !== undefined && metadata.ifMatch !== loaded.revision)
        throw new PreconditionFailedError(metadata.ifMatch, loaded.revision);
      const others = await this.othersToCorrect(deltagandeId, deltaganden, data, metadata);
      const correctsThis = this.decides(command, loaded, others.length > 0);
      const othersMetadata = { ...metadata, ifMatch: undefined };
      let last: CommandResponseDto | undefined;
      for (const other of others)
        last = await this.decideAndAppend(other.id, other.loaded, other.command, othersMetadata);
      if (correctsThis) return this.decideAndAppend(deltagandeId, loaded, command, metadata);
      return { id: deltagandeId, revision: loaded.revision, position: last!.position };
    });
  }

  /** The person's other deltaganden whose kön or födelseår differ, each with its decided command. */
  private async othersToCorrect(
    deltagandeId: string,
    deltaganden: readonly PersonensDeltagande[],
    data: PersonCorrection,
    metadata: CommandMetadata,
  ): Promise<{ id: string; loaded: Loaded; command: DeltagandeCommand }[]> {
    const others = [];
    for (const { id, insatsId, status } of deltaganden) {
      if (id === deltagandeId || status === 'makulerad') continue;
      const loaded = await this.load(id);
      const person = loaded.state.person;
      if (!person || loaded.state.status === 'makulerad') continue;
      const changes = {
        ...(data.kon !== undefined && data.kon !== person.kon ? { kon: data.kon } : {}),
        ...(data.fodelsear !== undefined && data.fodelsear !== person.fodelsear
          ? { fodelsear: data.fodelsear }
          : {}),
      };
      if (Object.keys(changes).length === 0) continue;
      // The person's deltaganden in insatser the caller does not work in are corrected too:
      // kön and födelseår are the person's, not the insats's.
      const command: DeltagandeCommand = {
        type: 'KorrigeraPersonuppgifter',
        data: { orsak: data.orsak, ...changes },
        context: await this.insatsContext(insatsId, metadata.user.forbundId),
      };
      deltagandeDecider.decide(command, loaded.state); // every rule holds before anything is written
      others.push({ id, loaded, command });
    }
    return others;
  }

  /** Whether the command changes the deltagande; "changes nothing" is fine when others change. */
  private decides(command: DeltagandeCommand, loaded: Loaded, othersChange: boolean): boolean {
    try {
      deltagandeDecider.decide(command, loaded.state);
      return true;
    } catch (error) {
      if (othersChange && error instanceof DomainError && error.code === KORRIGERING_ANDRAR_INGET)
        return false;
      throw error;
    }
  }

  private load(deltagandeId: string): Promise<Loaded> {
    return this.streams.load(deltagandeStream(deltagandeId), deltagandeDecider);
  }

  private decideAndAppend(
    deltagandeId: string,
    loaded: Loaded,
    command: DeltagandeCommand,
    metadata: CommandMetadata,
    guard?: AppendGuard,
  ): Promise<CommandResponseDto> {
    return this.streams.decideAndAppend(
      deltagandeStream(deltagandeId),
      deltagandeId,
      deltagandeDecider,
      loaded,
      command,
      metadata,
      guard ? { guard } : {},
    );
  }

  /** Access first (other förbund → 404, not the caller's insats → 403), then the insats. */
  async contextFor(
    insatsId: string,
    metadata: CommandMetadata,
    notFoundMessage?: string,
  ): Promise<DeltagandeContext> {
    const context = await this.insatsContext(insatsId, metadata.user.forbundId).catch(
      (error: unknown) => {
        throw notFoundMessage && error instanceof NotFoundError
          ? new NotFoundError(notFoundMessage)
          : error;
      },
    );
    this.access.assertWorksIn(metadata.user, insatsId);
    return context;
  }

  /** What the decider knows of the insats (no access check: callers check first). */
  async insatsContext(insatsId: string, forbundId: string): Promise<DeltagandeContext> {
    return (await this.insatsContextAt(insatsId, forbundId)).context;
  }

  /** The insats context with the insats revision it was built from; `fresh`: not a copy. */
  private async insatsContextAt(
    insatsId: string,
    forbundId: string,
    fresh = false,
  ): Promise<{ context: DeltagandeContext; revision: number }> {
    const { insats, revision } = await this.access.atInForbund(insatsId, forbundId, { fresh });
    const context: DeltagandeContext = {
      idag: this.clock.today(),
      insats: {
        insatsId,
        startdatum: insats.startdatum!,
        slutdatum: insats.slutdatum ?? null,
        matmetod: insats.matmetod!,
        avslutad: insats.avslutad,
      },
    };
    return { context, revision };
  }
}

/** Guarded appends refused by a changed or held insats: retried this often, pauses doubling. */
const GUARD_RETRIES = 8;
const GUARD_FIRST_PAUSE_MS = 5;

const KORRIGERING_ANDRAR_INGET = 'DELTAGANDE.KORRIGERING_ANDRAR_INGET';
