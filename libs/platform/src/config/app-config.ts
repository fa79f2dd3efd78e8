import { cleanEnv, email, makeValidator, port, str, url } from 'envalid';
import { resolve } from 'node:path';
import { parseTrustedProxy, type TrustedProxy } from './trusted-proxy.js';

export type EventStoreKind = 'postgres' | 'kurrentdb';

export interface AppConfig {
  readonly port: number;
  readonly dataDir: string;
  /** External PostgreSQL; undefined starts the embedded one in dataDir. */
  readonly databaseUrl: string | undefined;
  readonly eventStore: EventStoreKind;
  readonly kurrentDbUrl: string | undefined;
  readonly bootstrapAdmin: { readonly email: string; readonly password: string } | undefined;
  readonly forbundNamn: string;
  /** Signs access tokens; undefined generates one kept in dataDir. */
  readonly jwtSecret: string | undefined;
  readonly tokenTtlSeconds: number;
  /** Wraps every person's data key; undefined generates one kept in dataDir. */
  readonly masterKeyFile: string | undefined;
  /** Personal data is erased this many months after a person's last deltagande ended. */
  readonly gallringManader: number;
  /** Origins allowed to call the API from a browser; empty: CORS stays closed. */
  readonly corsOrigins: readonly string[];
  /** `on`: this process runs the projections (under the single-projector lock); `off`: it does not. */
  readonly projections: 'on' | 'off';
  /** Proxies whose X-Forwarded-For names the client (login limits count per client). */
  readonly trustedProxy: TrustedProxy;
  /** Largest import file accepted (bytes). */
  readonly importMaxBytes: number;
  /** Most data rows one import file may hold. */
  readonly importMaxRader: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: Record<string, string>) {
    super(
      `Ogiltig konfiguration:\n${Object.entries(problems)
        .map(([name, problem]) => `  ${name}: ${problem}`)
        .join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

const postgresUrl = makeValidator<string>((value) => {
  const parsed = new URL(value);
  if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) {
    throw new Error('must be a postgres:// URL');
  }
  return value;
});

const positiveInt = makeValidator<number>((value) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error('must be a whole number > 0');
  return n;
});

const trustedProxy = makeValidator<TrustedProxy>(parseTrustedProxy);

const MIN_ADMIN_PASSWORD = 12;

/** Reads and validates the environment once, at boot; nothing else reads process.env. */
export const loadConfig = (environment: NodeJS.ProcessEnv): AppConfig => {
  const problems: Record<string, string> = {};
  const env = cleanEnv(
    environment,
    {
      PORT: port({ default: 3000 }),
      DATA_DIR: str({ default: './.data' }),
      DATABASE_URL: postgresUrl({ default: undefined }),
      EVENT_STORE: str({ choices: ['postgres', 'kurrentdb'], default: 'postgres' }),
      KURRENTDB_URL: url({ default: undefined }),
      ADMIN_EMAIL: email({ default: undefined }),
      ADMIN_PASSWORD: str({ default: undefined }),
      FORBUND_NAMN: str({ default: 'Samordningsförbundet' }),
      JWT_SECRET: str({ default: undefined }),
      TOKEN_TTL_SECONDS: positiveInt({ default: 8 * 60 * 60 }),
      MASTER_KEY_FILE: str({ default: undefined }),
      GALLRING_MANADER: positiveInt({ default: 24 }),
      CORS_ORIGINS: str({ default: '' }),
      PROJECTIONS: str({ choices: ['on', 'off'], default: 'on' }),
      TRUSTED_PROXY: trustedProxy({ default: false }),
      IMPORT_MAX_MB: positiveInt({ default: 50 }),
      IMPORT_MAX_RADER: positiveInt({ default: 500_000 }),
    },
    {
      reporter: ({ errors }) => {
        for (const [name, error] of Object.entries(errors)) {
          problems[name] = error instanceof Error ? error.message : String(error);
        }
      },
    },
  );

  // envalid refuses reads of invalid variables, so cross-field rules wait for a clean pass.
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    problems[env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'] =
      'ADMIN_EMAIL and ADMIN_PASSWORD must be set together';
  }
  if (env.ADMIN_PASSWORD && env.ADMIN_PASSWORD.length < MIN_ADMIN_PASSWORD) {
    problems.ADMIN_PASSWORD = `must be at least ${MIN_ADMIN_PASSWORD} characters`;
  }
  if (env.EVENT_STORE === 'kurrentdb' && !env.KURRENTDB_URL) {
    problems.KURRENTDB_URL = 'required when EVENT_STORE=kurrentdb';
  }
  if (env.JWT_SECRET && env.JWT_SECRET.length < 32) {
    problems.JWT_SECRET = 'must be at least 32 characters';
  }
  if (!env.FORBUND_NAMN.trim()) problems.FORBUND_NAMN = 'must not be empty';
  // The file is held in memory while it is imported.
  if (env.IMPORT_MAX_MB > 1024) problems.IMPORT_MAX_MB = 'must be at most 1024 (1 GiB)';
  if (env.IMPORT_MAX_RADER > 5_000_000) problems.IMPORT_MAX_RADER = 'must be at most 5000000';
  const corsOrigins = env.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) {
      problems.CORS_ORIGINS = `"${origin}" is not an origin like https://example.se`;
    }
  }
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);

  return {
    port: env.PORT,
    dataDir: resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    eventStore: env.EVENT_STORE as EventStoreKind,
    kurrentDbUrl: env.KURRENTDB_URL,
    bootstrapAdmin:
      env.ADMIN_EMAIL && env.ADMIN_PASSWORD
        ? { email: env.ADMIN_EMAIL.toLowerCase(), password: env.ADMIN_PASSWORD }
        : undefined,
    forbundNamn: env.FORBUND_NAMN.trim(),
    jwtSecret: env.JWT_SECRET,
    tokenTtlSeconds: env.TOKEN_TTL_SECONDS,
    masterKeyFile: env.MASTER_KEY_FILE,
    gallringManader: env.GALLRING_MANADER,
    corsOrigins,
    projections: env.PROJECTIONS as 'on' | 'off',
    trustedProxy: env.TRUSTED_PROXY,
    importMaxBytes: env.IMPORT_MAX_MB * 1024 * 1024,
    importMaxRader: env.IMPORT_MAX_RADER,
  };
};
