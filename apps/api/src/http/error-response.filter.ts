import { DomainError } from '#domain';
import { ConcurrencyError, isDatabaseUnavailable } from '#event-store';
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
import { toSwedish } from './validation-messages.js';
import { TooManyLoginAttemptsError } from '../auth/token/login-rate-limit.js';
import { PersonUpptagenError } from '../personer/person-lock.js';
import { ReportLimitError } from '#statistik';
import { ReportsBusyError } from '../statistik/report-gate.js';

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

/** body-parser's English messages (by its error `type`), for the people reading them. */
const BODY_PARSER_MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'Begäran är inte giltig JSON',
  'entity.too.large': 'Begäran är för stor',
  'charset.unsupported': 'Teckenkodningen stöds inte; skicka UTF-8',
  'encoding.unsupported': 'Komprimeringen stöds inte',
  'parameters.too.many': 'Begäran har för många fält',
  'querystring.parse.rangeError': 'Begäran är nästlad för djupt',
  'request.size.invalid': 'Begärans längd stämmer inte med Content-Length',
};

const bodyParserErrorType = (cause: unknown): string =>
  typeof cause === 'object' && cause !== null && 'type' in cause && typeof cause.type === 'string'
    ? cause.type
    : '';

/** SQLSTATE query_canceled: a report statement ran past its statement_timeout. */
const isStatementTimeout = (exception: unknown): boolean =>
  exception instanceof Error && (exception as { code?: unknown }).code === '57014';
const STATEMENT_TIMEOUT_RETRY_AFTER_SECONDS = 30;
/** The embedded server restarts within seconds; an external one is retried as often. */
const DATABASE_AWAY_RETRY_AFTER_SECONDS = 5;

/** Seconds a 503 asks the client to wait, for the Retry-After header. */
const retryAfterSeconds = (exception: unknown): number | undefined => {
  if (exception instanceof ReportsBusyError) return exception.retryAfterSeconds;
  if (exception instanceof PersonUpptagenError) return exception.retryAfterSeconds;
  if (isStatementTimeout(exception)) return STATEMENT_TIMEOUT_RETRY_AFTER_SECONDS;
  if (isDatabaseUnavailable(exception)) return DATABASE_AWAY_RETRY_AFTER_SECONDS;
  return undefined;
};

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
  if (exception instanceof PersonUpptagenError) return body(503, exception.message);
  if (exception instanceof TooManyLoginAttemptsError) return body(429, exception.message);
  if (exception instanceof ReportLimitError) return body(400, exception.message);
  if (exception instanceof ReportsBusyError) return body(503, exception.message);
  if (isDatabaseUnavailable(exception)) {
    return body(503, 'Databasen är inte tillgänglig just nu; försök igen om en stund');
  }
  if (isStatementTimeout(exception)) {
    return body(
      503,
      'Rapporten tog för lång tid att ta fram; försök igen om en stund eller välj en kortare period',
    );
  }
  if (exception instanceof IdempotencyConflictError) {
    return body(exception.inProgress ? 409 : 422, exception.message, { code: 'IDEMPOTENCY_KEY' });
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const bodyParserMessage = BODY_PARSER_MESSAGES[bodyParserErrorType(exception.cause)];
    if (bodyParserMessage) return body(status, bodyParserMessage);
    const response = exception.getResponse();
    if (typeof response === 'object' && response !== null && 'message' in response) {
      const { message, details } = response as { message: unknown; details?: unknown };
      return body(
        status,
        Array.isArray(message) ? message.join('; ') : toSwedish(String(message)),
        details,
      );
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
    const retryAfter = retryAfterSeconds(exception);
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    response.status(mapped.statusCode).json(mapped);
  }
}
