import { deltagandeStream, insatsStream } from '#domain';
import { PostgresEventStore, type NewEvent } from '#event-store';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const PROJECTOR = join(process.cwd(), 'dist', 'apps', 'projector', 'src', 'main.js');
const metadata = { userId: 'test', correlationId: 'c', causationId: 'c' };

interface Projector {
  readonly process: ChildProcess;
  readonly output: string[];
  waitFor(text: string): Promise<void>;
}

const until = async (condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('two projector processes on one database', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let client: pg.Client;
  let insatsId: string;
  const running: ChildProcess[] = [];

  const start = (): Projector => {
    const child = spawn(process.execPath, [PROJECTOR], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'projector-')),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.push(child);
    const output: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    return {
      process: child,
      output,
      waitFor: (text) => until(async () => output.join('').includes(text)),
    };
  };

  const remisser = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      const event: NewEvent = {
        type: 'RemissMottagen',
        data: {
          deltagandeId: id,
          insatsId,
          datum: '2025-03-01',
          remittent: 'af',
          remittentEnhet: null,
          person: { kon: 'kvinna', fodelsear: 1990, kommun: '0138', personId: null },
        },
        metadata,
      };
      await store.appendToStream(deltagandeStream(id), [event], { expectedRevision: 'no-stream' });
    }
  };

  const caughtUp = async (): Promise<boolean> => {
    const head = await store.headPosition();
    const { rows } = await client.query<{ position: string }>(
      'SELECT position FROM projection_checkpoint',
    );
    return rows.length === 1 && Number(rows[0]!.position) === head;
  };

  const count = async (table: string): Promise<number> =>
    Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

  beforeAll(async () => {
    // The projector runs as a real process from the compiled output.
    execFileSync(
      process.execPath,
      [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      {
        stdio: 'inherit',
      },
    );
    db = await createTestDatabase();
    store = await PostgresEventStore.create({ connectionString: db.url });
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    insatsId = randomUUID();
    await store.appendToStream(
      insatsStream(insatsId),
      [
        {
          type: 'InsatsSkapad',
          data: {
            insatsId,
            forbundId: randomUUID(),
            namn: 'Balder',
            inriktning: 'individinriktad',
            matmetod: 'individ',
            startdatum: '2020-01-01',
            slutdatum: null,
            utforare: null,
            malgrupp: null,
          },
          metadata,
        },
      ],
      { expectedRevision: 'no-stream' },
    );
  }, 120_000);

  afterAll(async () => {
    for (const child of running) child.kill('SIGKILL');
    await client.end();
    await store.close();
    await db.drop();
  });

  it('lets one work while the other waits, and the other take over when the first dies', async () => {
    await remisser(20);
    const first = start();
    await first.waitFor('Projektorn är aktiv');
    await until(caughtUp);

    const second = start();
    await second.waitFor('Projektorn väntar i beredskap');
    await remisser(20);
    await until(caughtUp);
    expect(second.output.join('')).not.toContain('Projektorn är aktiv');

    first.process.kill('SIGKILL');
    await second.waitFor('Projektorn är aktiv');
    await remisser(20);
    await until(caughtUp);

    // 60 deltaganden, each applied exactly once.
    expect(await count('deltagande')).toBe(60);
    expect(await count('deltagande_fakta')).toBe(60);

    second.process.kill('SIGTERM');
    const code = await new Promise((resolve) => second.process.once('exit', resolve));
    expect(code).toBe(0);
  }, 90_000);
});
