import type { INestApplication } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import request from 'supertest';
import { loadConfig, openDatabase, startPostgres, type Database } from '#platform';
import { createApp } from '../../apps/api/src/create-app.js';
import { MIGRATIONS } from '../../apps/api/src/database/data-source-options.js';

const SERVER_MODULE = resolve('libs/platform/src/database/postgres-server.mjs');
const EXTERNAL_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'];
const ADMIN = { email: 'admin@forbundet.se', password: 'admin-losenord-123' };
const INSATS = {
  namn: 'Balder',
  inriktning: 'individinriktad',
  matmetod: 'individ',
  startdatum: '2024-01-01',
};

const freePort = (): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error()),
      );
    });
  });

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const until = async <T>(attempt: () => Promise<T | undefined>, timeoutMs: number): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt().catch(() => undefined);
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(200);
  }
};

/** Once /health is ok again, a command is stored and a read shows it beside the earlier one. */
const servesAgain = async (
  http: ReturnType<typeof request>,
  auth: Record<string, string>,
): Promise<string[]> => {
  await until(async () => {
    const health = await http.get('/api/v1/health');
    return health.status === 200 ? true : undefined;
  }, 30_000);
  await http
    .post('/api/v1/insatser')
    .set(auth)
    .send({ ...INSATS, namn: 'Idun' })
    .expect(201);
  return until(async () => {
    const list = await http.get('/api/v1/insatser').set(auth);
    const names = (list.body as { namn: string }[]).map((insats) => insats.namn);
    return list.status === 200 && names.length === 2 ? names.sort() : undefined;
  }, 30_000);
};

const postmasterPid = async (url: string): Promise<number> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The backend's parent is the postmaster.
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const stat = readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8');
    return Number(stat.split(') ')[1]!.split(' ')[1]);
  } finally {
    await client.end();
  }
};

describe('crash recovery of the database', () => {
  it('a start after kill -9 of the app stops the PostgreSQL it left behind and starts normally', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'deltagarflode-orphan-'));
    writeFileSync(join(dataDir, 'postgres-password'), 'orphan-test-password', { mode: 0o600 });
    // A stand-in for the API: starts the server the same way, then dies without stopping it.
    const script = `
      import { startPostgres } from ${JSON.stringify(SERVER_MODULE)};
      const server = await startPostgres({
        dataDir: ${JSON.stringify(dataDir)}, port: ${await freePort()},
        password: 'orphan-test-password', flags: ['-c', 'listen_addresses=127.0.0.1'],
      });
      console.log('KLAR ' + server.pid);
      setInterval(() => undefined, 1000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const orphan = await new Promise<number>((resolveReady, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /KLAR (\d+)/.exec(out);
        if (match) resolveReady(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`the stand-in exited with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((done) => child.once('exit', done));
    expect(alive(orphan)).toBe(true);

    const lines: string[] = [];
    const database = await openDatabase(loadConfig({ DATA_DIR: dataDir }), {
      log: (line) => lines.push(line),
      migrations: MIGRATIONS,
    });
    try {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await client.end();
      expect(alive(orphan)).toBe(false);
      expect(lines).toContain(
        `Stoppar en kvarlämnad PostgreSQL (pid ${orphan}) från en tidigare körning som avslutades oväntat`,
      );
    } finally {
      await database.stop();
    }
  }, 120_000);

  describe('kill -9 of PostgreSQL under a running app', () => {
    let database: Database;
    let app: INestApplication;
    const notes: string[] = [];

    beforeAll(async () => {
      const config = loadConfig({
        DATA_DIR: mkdtempSync(join(tmpdir(), 'deltagarflode-restart-')),
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      });
      database = await openDatabase(config, {
        log: (line) => notes.push(line),
        migrations: MIGRATIONS,
      });
      app = await createApp(config, database.url, { logger: false });
      await app.init();
    }, 120_000);

    afterAll(async () => {
      await app?.close();
      await database?.stop();
    });

    it('answers 503 with Retry-After while it is away, then restarts it and works again', async () => {
      const http = request(app.getHttpServer());
      const login = await http.post('/api/v1/auth/token').send(ADMIN).expect(200);
      const auth = { Authorization: `Bearer ${login.body.accessToken as string}` };
      await http.post('/api/v1/insatser').set(auth).send(INSATS).expect(201);

      const killed = await postmasterPid(database.url);
      process.kill(killed, 'SIGKILL');
      const away = await until(async () => {
        const response = await http.get('/api/v1/insatser').set(auth);
        return response.status === 503 ? response : undefined;
      }, 10_000);
      expect(away.headers['retry-after']).toBe('5');
      expect(away.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'Databasen är inte tillgänglig just nu; försök igen om en stund',
      });

      // The supervisor restarts the server on the same port; the pools reconnect.
      expect(await servesAgain(http, auth)).toEqual(['Balder', 'Idun']);
      expect(await postmasterPid(database.url)).not.toBe(killed);
      expect(notes).toContain(
        'Inbyggd PostgreSQL avslutades oväntat (kod null, signal SIGKILL); startar om den',
      );
    }, 90_000);
  });

  it('recovers from an external DATABASE_URL that goes away and comes back', async () => {
    const serverDir = mkdtempSync(join(tmpdir(), 'deltagarflode-external-'));
    chmodSync(serverDir, 0o711);
    const port = await freePort();
    const serve = () =>
      startPostgres({ dataDir: serverDir, port, password: 'extern', flags: EXTERNAL_FLAGS });
    let server = await serve();
    const config = loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'deltagarflode-ext-data-')),
      DATABASE_URL: `postgres://postgres:extern@127.0.0.1:${port}/postgres`,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    });
    const database = await openDatabase(config, { log: () => undefined, migrations: MIGRATIONS });
    const app = await createApp(config, database.url, { logger: false });
    await app.init();
    try {
      const http = request(app.getHttpServer());
      const login = await http.post('/api/v1/auth/token').send(ADMIN).expect(200);
      const auth = { Authorization: `Bearer ${login.body.accessToken as string}` };
      await http.post('/api/v1/insatser').set(auth).send(INSATS).expect(201);

      process.kill(server.pid, 'SIGKILL');
      await server.exited;
      const away = await http.get('/api/v1/insatser').set(auth);
      expect([away.status, away.headers['retry-after']]).toEqual([503, '5']);
      expect((await http.get('/api/v1/health')).status).toBe(503);

      server = await serve();
      expect(await servesAgain(http, auth)).toEqual(['Balder', 'Idun']);
    } finally {
      await app.close();
      await database.stop();
      await server.stop();
    }
  }, 120_000);

  it('starts as root with DATA_DIR inside a directory others cannot enter', async () => {
    if (process.getuid?.() !== 0) {
      console.warn('Hoppar över: testet gäller körning som root (PostgreSQL under egen användare)');
      return;
    }
    const closed = mkdtempSync(join(tmpdir(), 'deltagarflode-0700-'));
    chmodSync(closed, 0o700);
    const dataDir = join(closed, 'data');
    mkdirSync(dataDir, { mode: 0o700 });
    const database = await openDatabase(loadConfig({ DATA_DIR: dataDir }), {
      log: () => undefined,
      migrations: MIGRATIONS,
    });
    try {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      expect((await client.query('SELECT current_user AS who')).rows).toEqual([
        { who: 'postgres' },
      ]);
      await client.end();
    } finally {
      await database.stop();
    }
  }, 120_000);
});
