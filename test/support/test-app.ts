import { PostgresEventStore, type EventStore } from '#event-store';
import type { INestApplication } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '#platform';
import { createApp } from '../../apps/api/src/create-app.js';
import { EVENT_STORE } from '../../apps/api/src/event-store/event-store.module.js';
import { assertTestDatabase, createTestDatabase, type TestDatabase } from './test-database.js';

export const ADMIN = { email: 'admin@forbundet.se', password: 'admin-losenord-123' };
const PASSWORD = 'ett-langt-losenord';

export type Roll = 'admin' | 'kansli' | 'personal';

/** A client bound to one user's token. */
export interface Caller {
  readonly token: string;
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  put(path: string, body?: object): request.Test;
  delete(path: string): request.Test;
  patch(path: string, body?: object): request.Test;
}

export interface TestApp {
  readonly app: INestApplication;
  readonly db: TestDatabase;
  readonly store: EventStore;
  readonly http: ReturnType<typeof request>;
  /** Everything the app logged, for checks that no personal data reaches the log. */
  readonly logs: string[];
  /** The bootstrap admin (systemadmin) of the first förbund. */
  readonly admin: Caller;
  login(email: string, password: string): Promise<Caller>;
  /** A new user with the given role in the admin's förbund (or the given admin's). */
  user(roll: Roll, options?: { insatser?: string[]; admin?: Caller }): Promise<Caller>;
  /** A new individ insats (started 2024-01-01) created by the admin; returns its id. */
  insats(overrides?: Record<string, unknown>, admin?: Caller): Promise<string>;
  /** Every event in the store, in order. */
  events(): Promise<{ type: string; streamId: string; data: Record<string, unknown> }[]>;
  /** Stops the app but keeps its database (idempotent). */
  stopApp(): Promise<void>;
  close(): Promise<void>;
}

let userCount = 0;

export const startTestApp = async (
  env: Record<string, string> = {},
  /** Another app's database: this app shares it (and leaves dropping it to its owner). */
  options: { db?: TestDatabase } = {},
): Promise<TestApp> => {
  const db = options.db ?? (await createTestDatabase());
  assertTestDatabase(db.url);
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'deltagarflode-e2e-')),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    FORBUND_NAMN: 'Samordningsförbundet Test',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
    ...env,
  });
  const logs: string[] = [];
  const capture = (...message: unknown[]): void => {
    logs.push(message.map((part) => (part instanceof Error ? part.stack : String(part))).join(' '));
  };
  const app = await createApp(config, db.url, {
    logger: {
      log: capture,
      error: capture,
      warn: capture,
      debug: capture,
      verbose: capture,
      fatal: capture,
    },
  });
  await app.init();
  const http = request(app.getHttpServer());
  const store = app.get<EventStore>(EVENT_STORE);

  const caller = (token: string): Caller => ({
    token,
    get: (path) => http.get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    post: (path, body) =>
      http
        .post(`/api/v1${path}`)
        .set('Authorization', `Bearer ${token}`)
        .send(body ?? {}),
    put: (path, body) =>
      http
        .put(`/api/v1${path}`)
        .set('Authorization', `Bearer ${token}`)
        .send(body ?? {}),
    delete: (path) => http.delete(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    patch: (path, body) =>
      http
        .patch(`/api/v1${path}`)
        .set('Authorization', `Bearer ${token}`)
        .send(body ?? {}),
  });

  const login = async (email: string, password: string): Promise<Caller> => {
    const response = await http.post('/api/v1/auth/token').send({ email, password }).expect(200);
    return caller(response.body.accessToken as string);
  };

  const admin = await login(ADMIN.email, ADMIN.password);
  let stopped: Promise<void> | undefined;
  const stopApp = (): Promise<void> => (stopped ??= app.close());

  return {
    app,
    db,
    store,
    http,
    logs,
    admin,
    login,
    user: async (roll, options = {}) => {
      const email = `${roll}${++userCount}@forbundet.se`;
      await (options.admin ?? admin)
        .post('/users', { email, password: PASSWORD, roll, insatser: options.insatser ?? [] })
        .expect(201);
      return login(email, PASSWORD);
    },
    insats: async (overrides = {}, by = admin) => {
      const response = await by
        .post('/insatser', {
          namn: 'Ung i Tyresö',
          inriktning: 'individinriktad',
          matmetod: 'individ',
          startdatum: '2024-01-01',
          ...overrides,
        })
        .expect(201);
      return response.body.id as string;
    },
    // From the table: the store's readAll holds back events above the oldest transaction still
    // running (a projection batch, say), which would undercount what is committed.
    events: async () =>
      store instanceof PostgresEventStore
        ? app
            .get(DataSource)
            .query('SELECT type, stream_id AS "streamId", data FROM events ORDER BY position')
        : store.readAll({ after: 0, limit: 100_000 }),
    stopApp,
    close: async () => {
      await stopApp();
      if (!options.db) await db.drop();
    },
  };
};

/** A valid remiss body with defaults; pass what the test is about. */
export const remissBody = (
  overrides: {
    person?: Record<string, unknown>;
    remiss?: Record<string, unknown>;
    inskrivning?: Record<string, unknown>;
  } = {},
): object => ({
  person: { kon: 'kvinna', fodelsear: 1990, kommun: '0138', ...overrides.person },
  remiss: { datum: '2025-02-03', remittent: 'af', ...overrides.remiss },
  ...(overrides.inskrivning
    ? {
        inskrivning: {
          datum: '2025-02-10',
          forsorjning: ['forsorjningsstod'],
          utbildningsniva: 'gymnasial',
          tidIOffentligForsorjning: '1-2-ar',
          ...overrides.inskrivning,
        },
      }
    : {}),
});

export const inskrivningBody = (overrides: Record<string, unknown> = {}): object => ({
  datum: '2025-02-10',
  forsorjning: ['forsorjningsstod'],
  utbildningsniva: 'gymnasial',
  tidIOffentligForsorjning: '1-2-ar',
  ...overrides,
});

export const avslutBody = (overrides: Record<string, unknown> = {}): object => ({
  datum: '2025-06-30',
  avslutsorsak: 'arbete',
  forsorjning: ['lon'],
  ...overrides,
});
