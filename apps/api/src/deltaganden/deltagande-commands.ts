import {
  deltagandeDecider,
  deltagandeStream,
  type Deltagande,
  type DeltagandeCommand,
  type DeltagandeContext,
} from '#domain';
import { Injectable } from '@nestjs/common';
import { Clock } from '../commands/clock.js';
import type { CommandMetadata } from '../commands/command-metadata.js';
import type { CommandResponseDto } from '../commands/command-response.dto.js';
import { StreamCommandRunner, type LoadedStream } from '../commands/stream-command-runner.js';
import { NotFoundError } from '../http/application-errors.js';
import { InsatsAccess } from '../insatser/insats-access.js';
import { OpenDeltaganden } from '../personer/open-deltaganden.js';

export const DELTAGANDE_SAKNAS = 'Deltagandet finns inte';

/**
 * Every deltagande command: load the deltagande, check the caller may work in its insats
 * (other förbund → 404, not the caller's insats → 403), give the decider the insats as
 * context, and append at the revision that was read.
 */
@Injectable()
export class DeltagandeCommands {
  constructor(
    private readonly streams: StreamCommandRunner,
    private readonly access: InsatsAccess,
    private readonly clock: Clock,
    private readonly openDeltaganden: OpenDeltaganden,
  ) {}

  /**
   * Starts a new deltagande (remiss, optionally with direct inskrivning) with a context the
   * caller built: it checks access before it stores any personal data.
   */
  async start(
    deltagandeId: string,
    metadata: CommandMetadata,
    command: DeltagandeCommand,
  ): Promise<CommandResponseDto> {
    return this.decideAndAppend(deltagandeId, await this.load(deltagandeId), command, metadata);
  }

  /**
   * Runs a command on an existing deltagande. Only a command that can reopen a deltagande
   * (återkallat avslut) asks whether the person already has another open one in the insats:
   * that check waits for the projections, so others do not pay for it.
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
    return this.decideAndAppend(
      deltagandeId,
      loaded,
      build(
        options.checksOpenDeltagande && personId
          ? await this.withOpenDeltagandeCheck(context, personId, deltagandeId)
          : context,
      ),
      metadata,
    );
  }

  /** Adds whether the registered person has another open deltagande in the insats. */
  async withOpenDeltagandeCheck(
    context: DeltagandeContext,
    personId: string,
    except?: string,
  ): Promise<DeltagandeContext> {
    return {
      ...context,
      personHarOppetDeltagandeIInsatsen: await this.openDeltaganden.exists(
        personId,
        context.insats.insatsId,
        except,
      ),
    };
  }

  private load(deltagandeId: string): Promise<LoadedStream<Deltagande>> {
    return this.streams.load(deltagandeStream(deltagandeId), deltagandeDecider);
  }

  private decideAndAppend(
    deltagandeId: string,
    loaded: LoadedStream<Deltagande>,
    command: DeltagandeCommand,
    metadata: CommandMetadata,
  ): Promise<CommandResponseDto> {
    return this.streams.decideAndAppend(
      deltagandeStream(deltagandeId),
      deltagandeId,
      deltagandeDecider,
      loaded,
      command,
      metadata,
    );
  }

  /** Access first (other förbund → 404, not the caller's insats → 403), then the insats. */
  async contextFor(
    insatsId: string,
    metadata: CommandMetadata,
    notFoundMessage?: string,
  ): Promise<DeltagandeContext> {
    const { state: insats } = await this.access
      .loadInForbund(insatsId, metadata.user.forbundId)
      .catch((error: unknown) => {
        throw notFoundMessage && error instanceof NotFoundError
          ? new NotFoundError(notFoundMessage)
          : error;
      });
    this.access.assertWorksIn(metadata.user, insatsId);
    return {
      idag: this.clock.today(),
      insats: {
        insatsId,
        startdatum: insats.startdatum!,
        slutdatum: insats.slutdatum ?? null,
        matmetod: insats.matmetod!,
        avslutad: insats.avslutad,
      },
    };
  }
}
