import { insatsDecider, insatsStream, type Insats } from '#domain';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { StreamCommandRunner, type LoadedStream } from '../commands/stream-command-runner.js';
import { ForbiddenError, NotFoundError } from '../http/application-errors.js';

export const INSATS_SAKNAS = 'Insatsen finns inte';

/** Tenancy and role checks for an insats: other förbund → 404, not your insats → 403. */
@Injectable()
export class InsatsAccess {
  constructor(private readonly streams: StreamCommandRunner) {}

  /** The insats as its stream says (the write side's truth), if it belongs to the förbund. */
  async loadInForbund(insatsId: string, forbundId: string): Promise<LoadedStream<Insats>> {
    const loaded = await this.streams.load(insatsStream(insatsId), insatsDecider);
    if (!loaded.state.exists || loaded.state.forbundId !== forbundId) {
      throw new NotFoundError(INSATS_SAKNAS);
    }
    return loaded;
  }

  /** Personal register only in the insatser they work in. */
  assertWorksIn(user: AuthUser, insatsId: string): void {
    if (user.roll !== 'personal' || !user.insatser.includes(insatsId)) {
      throw new ForbiddenError('Du arbetar inte i den här insatsen');
    }
  }
}
