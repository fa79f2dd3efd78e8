import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { PersonLock, PersonUpptagenError } from './person-lock.js';

const PERSON = '5b0f6a4e-8c1d-4c59-9d2a-0f1e2d3c4b5a';
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('PersonLock', () => {
  let db: TestDatabase;
  // Two instances stand for two processes: only the database lock is shared between them.
  let first: PersonLock;
  let second: PersonLock;

  beforeAll(async () => {
    db = await createTestDatabase();
    first = new PersonLock(db.url, { timeoutMs: 2_000, poolSize: 2 });
    second = new PersonLock(db.url, { timeoutMs: 300, poolSize: 2 });
    // Open both pools' connections first: on a loaded machine (CI) opening one can take longer
    // than the second lock's 300 ms, and these tests are about waiting for the lock, not that.
    await Promise.all(
      [first, second].flatMap((lock) =>
        ['warm-1', 'warm-2'].map((key) => lock.run(key, () => pause(20))),
      ),
    );
  });
  afterAll(async () => {
    await first.onApplicationShutdown();
    await second.onApplicationShutdown();
    await db.drop();
  });

  it('lets one command at a time work on a person, across processes and within one', async () => {
    const log: string[] = [];
    const work = (name: string) => async (): Promise<void> => {
      log.push(`${name} in`);
      await pause(40);
      log.push(`${name} out`);
    };
    await Promise.all([
      first.run(PERSON, work('a')),
      second.run(PERSON, work('b')),
      first.run(PERSON, work('c')),
    ]);
    expect(log).toHaveLength(6);
    for (let i = 0; i < 6; i += 2) expect(log[i]!.replace(' in', ' out')).toBe(log[i + 1]);
  });

  it('does not hold up another person', async () => {
    const order: string[] = [];
    await Promise.all([
      first.run(PERSON, async () => {
        await pause(200);
        order.push('slow');
      }),
      pause(20).then(() => second.run('another-person', async () => void order.push('other'))),
    ]);
    expect(order).toEqual(['other', 'slow']);
  });

  it('gives up with PersonUpptagenError when the person is held longer than the timeout, and releases on error', async () => {
    const held = first.run(PERSON, () => pause(800));
    await pause(50);
    await expect(second.run(PERSON, async () => 'never')).rejects.toBeInstanceOf(
      PersonUpptagenError,
    );
    await held;
    await expect(
      first.run(PERSON, async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await second.run(PERSON, async () => 'free again')).toBe('free again');
  });
});
