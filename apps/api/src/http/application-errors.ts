/**
 * Errors raised below the controllers that are not domain rules. The exception filter maps
 * them (and DomainError, ConcurrencyError) to the statuses of API.md; nothing below the
 * controller layer throws HttpException.
 */
export class NotFoundError extends Error {
  constructor(message = 'Hittades inte') {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends Error {
  constructor(message = 'Du har inte behörighet till detta') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class UnauthorizedError extends Error {
  constructor(message = 'Inloggning krävs') {
    super(message);
    this.name = 'UnauthorizedError';
  }
}

/** If-Match named another revision than the stream's current one. */
export class PreconditionFailedError extends Error {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`If-Match anger revision ${expected}, men den aktuella revisionen är ${actual}`);
    this.name = 'PreconditionFailedError';
  }
}

/** A read waited for the projections to reach a write, and they did not in time. */
export class ProjectionLagError extends Error {
  constructor() {
    super('Läsmodellerna har inte hunnit ikapp; försök igen om en stund');
    this.name = 'ProjectionLagError';
  }
}

/** Same Idempotency-Key with another request, or while the first is still running. */
export class IdempotencyConflictError extends Error {
  constructor(
    message: string,
    readonly inProgress: boolean,
  ) {
    super(message);
    this.name = 'IdempotencyConflictError';
  }
}

/** A request the DTO layer cannot express as a field error (a header, say). */
export class BadRequestError extends Error {
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'BadRequestError';
  }
}
