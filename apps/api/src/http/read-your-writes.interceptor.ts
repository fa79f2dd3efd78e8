import type { EventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { from, switchMap, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth-user.js';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { ProjectionLagError } from './application-errors.js';

/** How long a read may wait for the projections before answering 503. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 5_000;

/**
 * Reads see every write committed before they arrived: a GET waits (bounded) until the
 * projections have passed the store's head at the time of the request.
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
    return from(this.awaitProjections()).pipe(switchMap(() => next.handle()));
  }

  private async awaitProjections(): Promise<void> {
    const head = await this.store.headPosition();
    if (!(await this.runner.waitUntil(head, READ_YOUR_WRITES_TIMEOUT_MS))) {
      throw new ProjectionLagError();
    }
  }
}
