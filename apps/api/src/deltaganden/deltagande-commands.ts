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

  /** Starts a new deltagande (remiss, optionally with direct inskrivning) in an insats. */
  async start(
    insatsId: string,
    deltagandeId: string,
    metadata: CommandMetadata,
    build: (context: DeltagandeContext) => DeltagandeCommand,
    personId: string | null = null,
  ): Promise<CommandResponseDto> {
    const context = await this.contextFor(insatsId, metadata, { personId });
    return this.decideAndAppend(
      deltagandeId,
      await this.load(deltagandeId),
      build(context),
      metadata,
    );
  }

  /** Runs a command on an existing deltagande. */
  async execute(
    deltagandeId: string,
    metadata: CommandMetadata,
    build: (context: DeltagandeContext) => DeltagandeCommand,
  ): Promise<CommandResponseDto> {
    const loaded = await this.load(deltagandeId);
    if (!loaded.state.insatsId) throw new NotFoundError(DELTAGANDE_SAKNAS);
    const context = await this.contextFor(loaded.state.insatsId, metadata, {
      notFoundMessage: DELTAGANDE_SAKNAS,
      personId: loaded.state.person?.personId ?? null,
      deltagandeId,
    });
    return this.decideAndAppend(deltagandeId, loaded, build(context), metadata);
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

  /** Access first (404/403), then what the decider needs to know about the insats and person. */
  async contextFor(
    insatsId: string,
    metadata: CommandMetadata,
    options: { notFoundMessage?: string; personId?: string | null; deltagandeId?: string } = {},
  ): Promise<DeltagandeContext> {
    const { notFoundMessage, personId, deltagandeId } = options;
    const { state: insats } = await this.access
      .loadInForbund(insatsId, metadata.user.forbundId)
      .catch((error: unknown) => {
        throw notFoundMessage && error instanceof NotFoundError
          ? new NotFoundError(notFoundMessage)
          : error;
      });
    this.access.assertWorksIn(metadata.user, insatsId);
    return {
      ...(personId
        ? {
            personHarOppetDeltagandeIInsatsen: await this.openDeltaganden.exists(
              personId,
              insatsId,
              deltagandeId,
            ),
          }
        : {}),
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
