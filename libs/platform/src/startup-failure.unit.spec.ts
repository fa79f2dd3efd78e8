import { ConfigError } from './config/app-config.js';
import { PostgresStartError } from './database/postgres-server.mjs';
import { startupFailureMessage } from './startup-failure.js';

describe('startupFailureMessage', () => {
  it('says what failed and what to do for a rejection without a value, never "undefined"', () => {
    expect(startupFailureMessage(undefined)).toBe(
      'Starten misslyckades: ett fel utan beskrivning\nLäs meddelandet ovan; kontrollera DATA_DIR (skrivbar, ledigt utrymme) och DATABASE_URL, och starta igen.',
    );
  });

  it('shows a non-Error value as it is', () => {
    expect(startupFailureMessage(3)).toMatch(/^Starten misslyckades: 3\n/);
    expect(startupFailureMessage({ code: 1 })).toMatch(/^Starten misslyckades: \{ code: 1 \}\n/);
  });

  it('names the bad variables of a ConfigError and says to fix them', () => {
    expect(startupFailureMessage(new ConfigError({ PORT: 'bad' }))).toBe(
      'Ogiltig konfiguration:\n  PORT: bad\nRätta miljövariablerna ovan och starta igen (se README, Konfiguration).',
    );
  });

  it('passes a PostgreSQL start failure on as it is: it already says what to do', () => {
    const error = new PostgresStartError('DATA_DIR används redan: stoppa den först');
    expect(startupFailureMessage(error)).toBe('DATA_DIR används redan: stoppa den först');
  });

  it('says to check DATABASE_URL when the database refuses the connection', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(startupFailureMessage(refused)).toBe(
      'Databasen svarar inte (connect ECONNREFUSED 127.0.0.1:5432). Kontrollera DATABASE_URL och att PostgreSQL är igång, och starta igen.',
    );
  });
});
