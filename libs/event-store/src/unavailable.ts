/** Socket errors that mean the database cannot be reached right now. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server going away or not yet back: admin_shutdown, crash_shutdown,
 * cannot_connect_now (starting up, in recovery); class 08 is connection_exception.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);

/** node-postgres's own messages for a connection lost or not made in time. */
const LOST_CONNECTION =
  /Connection terminated|connection timeout|Client has encountered a connection error|Connection is closed|timeout exceeded when trying to connect/i;

/** KurrentDB client error types (gRPC UNAVAILABLE / DEADLINE_EXCEEDED). */
const KURRENTDB_UNAVAILABLE = new Set(['unavailable', 'deadline-exceeded']);

const causes = (error: unknown, depth = 0): unknown[] => {
  if (depth > 5 || typeof error !== 'object' || error === null) return [];
  const found: unknown[] = [error];
  const { cause, driverError, errors } = error as {
    cause?: unknown;
    driverError?: unknown;
    errors?: unknown;
  };
  for (const next of [cause, driverError]) found.push(...causes(next, depth + 1));
  if (Array.isArray(errors)) for (const next of errors) found.push(...causes(next, depth + 1));
  return found;
};

/**
 * True when an error says the store's database is away (stopped, restarting, unreachable)
 * rather than that the request was wrong: a client should try again shortly. Looks through
 * wrappers (TypeORM's driverError, `cause`, AggregateError) for the underlying error.
 */
export const isDatabaseUnavailable = (error: unknown): boolean =>
  causes(error).some((candidate) => {
    const { code, type, message } = candidate as {
      code?: unknown;
      type?: unknown;
      message?: unknown;
    };
    if (typeof code === 'string') {
      if (UNREACHABLE_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
      if (/^08[0-9A-Z]{3}$/.test(code)) return true;
    }
    if (typeof type === 'string' && KURRENTDB_UNAVAILABLE.has(type)) return true;
    return typeof message === 'string' && LOST_CONNECTION.test(message);
  });
