import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedRequest, AuthUser } from '../auth/auth-user.js';
import { BadRequestError } from '../http/application-errors.js';

/** Who sends a command, in which request chain, and the revision it expects (If-Match). */
export interface CommandMetadata {
  readonly user: AuthUser;
  readonly correlationId: string;
  readonly causationId: string;
  readonly ifMatch: number | undefined;
  /** The request's Idempotency-Key as an opaque id, stored on every event it appends. */
  readonly idempotencyKey?: string;
  /**
   * The id of what the command creates: fixed by the Idempotency-Key, so that a retry targets
   * the same stream (and `no-stream` lets it happen once), otherwise a fresh one.
   */
  readonly newId: string;
}

/** What the idempotency interceptor fixed for the request before the handler runs. */
export interface IdempotentRequest extends AuthenticatedRequest {
  idempotency?: { readonly key: string; readonly newId: string };
}

const CORRELATION_HEADER = 'x-correlation-id';

/** `If-Match: "3"` (quotes and W/ optional) → 3. */
export const parseIfMatch = (header: string | undefined): number | undefined => {
  if (header === undefined) return undefined;
  // At most 15 digits: any revision a stream reaches, and still an exact JavaScript number.
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) {
    throw new BadRequestError('If-Match måste vara en revision, t.ex. "3"', [
      { field: 'If-Match', errors: ['måste vara en revision, t.ex. "3"'] },
    ]);
  }
  return Number(match[1]);
};

export const CommandMeta = createParamDecorator(
  (_: unknown, context: ExecutionContext): CommandMetadata => {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    if (!request.user) throw new Error('CommandMeta used on a public route');
    const header = request.headers[CORRELATION_HEADER];
    const causationId = randomUUID();
    return {
      user: request.user,
      correlationId: typeof header === 'string' && header.length <= 200 ? header : causationId,
      causationId,
      ifMatch: parseIfMatch(request.headers['if-match']),
      ...(request.idempotency
        ? { idempotencyKey: request.idempotency.key, newId: request.idempotency.newId }
        : { newId: randomUUID() }),
    };
  },
);
