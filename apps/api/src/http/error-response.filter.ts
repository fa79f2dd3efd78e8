import { DomainError } from '#domain';
import { ConcurrencyError } from '#event-store';
import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import {
  BadRequestError,
  ForbiddenError,
  IdempotencyConflictError,
  NotFoundError,
  PreconditionFailedError,
  ProjectionLagError,
  UnauthorizedError,
} from './application-errors.js';
import { TooManyLoginAttemptsError } from '../auth/token/login-rate-limit.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

const body = (statusCode: number, message: string, details?: unknown): ErrorBody => ({
  statusCode,
  error: STATUS_CODES[statusCode] ?? 'Error',
  message,
  ...(details === undefined ? {} : { details }),
});

/** Maps every error to API.md's `{statusCode, error, message, details?}`. */
export const toErrorBody = (exception: unknown): ErrorBody | undefined => {
  if (exception instanceof DomainError) {
    return body(422, exception.message, { code: exception.code, ...exception.details });
  }
  if (exception instanceof ConcurrencyError) {
    return body(
      409,
      'Deltagandet eller insatsen ändrades samtidigt av någon annan; läs om och försök igen',
      {
        code: 'SAMTIDIG_ANDRING',
      },
    );
  }
  if (exception instanceof PreconditionFailedError) {
    return body(412, exception.message, { expected: exception.expected, actual: exception.actual });
  }
  if (exception instanceof NotFoundError) return body(404, exception.message);
  if (exception instanceof ForbiddenError) return body(403, exception.message);
  if (exception instanceof UnauthorizedError) return body(401, exception.message);
  if (exception instanceof BadRequestError) return body(400, exception.message, exception.details);
  if (exception instanceof ProjectionLagError) return body(503, exception.message);
  if (exception instanceof TooManyLoginAttemptsError) return body(429, exception.message);
  if (exception instanceof IdempotencyConflictError) {
    return body(exception.inProgress ? 409 : 422, exception.message, { code: 'IDEMPOTENCY_KEY' });
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'object' && response !== null && 'message' in response) {
      const { message, details } = response as { message: unknown; details?: unknown };
      return body(status, Array.isArray(message) ? message.join('; ') : String(message), details);
    }
    return body(status, exception.message);
  }
  return undefined;
};

@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let mapped = toErrorBody(exception);
    if (!mapped) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
      mapped = body(500, 'Ett oväntat fel inträffade');
    }
    if (exception instanceof TooManyLoginAttemptsError) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(mapped.statusCode).json(mapped);
  }
}
