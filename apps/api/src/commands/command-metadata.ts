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
}

const CORRELATION_HEADER = 'x-correlation-id';

/** `If-Match: "3"` (quotes and W/ optional) → 3. */
export const parseIfMatch = (header: string | undefined): number | undefined => {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!match) {
    throw new BadRequestError('If-Match måste vara en revision, t.ex. "3"', [
      { field: 'If-Match', errors: ['must be a revision number'] },
    ]);
  }
  return Number(match[1]);
};

export const CommandMeta = createParamDecorator(
  (_: unknown, context: ExecutionContext): CommandMetadata => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.user) throw new Error('CommandMeta used on a public route');
    const header = request.headers[CORRELATION_HEADER];
    const causationId = randomUUID();
    return {
      user: request.user,
      correlationId: typeof header === 'string' && header.length <= 200 ? header : causationId,
      causationId,
      ifMatch: parseIfMatch(request.headers['if-match']),
    };
  },
);
