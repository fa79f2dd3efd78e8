import {
  deltagandeDecider,
  deltagandeStream,
  type DeltagandeCommand,
  type DeltagandeContext,
} from '#domain';
import { Injectable } from '@nestjs/common';
import { Clock } from '../commands/clock.js';
import type { CommandMetadata } from '../commands/command-metadata.js';
import type { CommandResponseDto } from '../commands/command-response.dto.js';
import { StreamCommandRunner } from '../commands/stream-command-runner.js';
import { NotFoundError } from '../http/application-errors.js';
import { InsatsAccess } from '../insatser/insats-access.js';

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
  ) {}

  /** Starts a new deltagande (remiss, optionally with direct inskrivning) in an insats. */
  async start(
    insatsId: string,
    deltagandeId: string,
    metadata: CommandMetadata,
    build: (context: DeltagandeContext) => DeltagandeCommand,
  ): Promise<CommandResponseDto> {
    const context = await this.contextFor(insatsId, metadata);
    const streamId = deltagandeStream(deltagandeId);
    const loaded = await this.streams.load(streamId, deltagandeDecider);
    return this.streams.decideAndAppend(
      streamId,
      deltagandeId,
      deltagandeDecider,
      loaded,
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
    const streamId = deltagandeStream(deltagandeId);
    const loaded = await this.streams.load(streamId, deltagandeDecider);
    if (!loaded.state.insatsId) throw new NotFoundError(DELTAGANDE_SAKNAS);
    const context = await this.contextFor(loaded.state.insatsId, metadata, DELTAGANDE_SAKNAS);
    return this.streams.decideAndAppend(
      streamId,
      deltagandeId,
      deltagandeDecider,
      loaded,
      build(context),
      metadata,
    );
  }

  private async contextFor(
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
