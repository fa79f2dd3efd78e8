import type { EventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { from, switchMap, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth-user.js';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { ProjectionLagError } from './application-errors.js';

/** How long a read may wait for the projections before answering 503. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 5_000;

/** Set on a read answered from read models that stand still before an event they cannot apply. */
export const DELAYED_HEADER = 'X-Lasmodell-Forsenad';

/**
 * Reads see every write committed before they arrived: a GET waits (bounded) until the
 * projections have passed the store's head at the time of the request, or answers 503.
 *
 * Except while the projections are stalled: waiting cannot help then, and a 503 on every
 * read would stop all work until someone repairs it. The read is answered at once from the
 * read models as they are, with `X-Lasmodell-Forsenad: <position they include>`; /health
 * names the stall and the web UI shows that the figures are delayed. Likewise while an import
 * in this process writes and the projections make way for it (ProjectionRunner.makeWayFor),
 * until they have caught up with it: they lag then by design, and /health reports the lag.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // Public GETs (health) report the lag rather than wait for it.
    if (request.method !== 'GET' || !request.user) return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    return from(this.awaitProjections(response)).pipe(switchMap(() => next.handle()));
  }

  private async awaitProjections(response: Response): Promise<void> {
    const head = await this.store.headPosition();
    // While an import writes, the projections of this process make way for it and waiting
    // cannot help; after it they catch up, which may take longer than the timeout. Either way
    // they lag by design, not by a fault: the read is answered as they stand, marked.
    const importWrites = this.runner.bulkWriteRunning;
    if (await this.runner.waitUntil(head, importWrites ? 0 : READ_YOUR_WRITES_TIMEOUT_MS)) return;
    if (!this.runner.stall && !this.runner.delayedByBulkWrite) throw new ProjectionLagError();
    response.setHeader(DELAYED_HEADER, String(this.runner.position));
  }
}
