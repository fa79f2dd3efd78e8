import { jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { ACTIVE_USER_COPY_MS, ActiveUsers } from './active-users.js';
import type { AuthUser } from './auth-user.js';

const USER: AuthUser = {
  id: '00000000-0000-4000-8000-000000000001',
  forbundId: '00000000-0000-4000-8000-0000000000f1',
  roll: 'personal',
  systemadmin: false,
  insatser: [],
};
const JTI = '00000000-0000-4000-8000-00000000000a';

/** A database whose app_user table holds `rows`, counting the statements it is sent. */
const database = (rows: AuthUser[]) => {
  const sent: unknown[][] = [];
  let answer: (() => void) | undefined;
  let hold = false;
  const pool = {
    query: async ({ values }: { values: unknown[] }) => {
      sent.push(values);
      if (hold) await new Promise<void>((done) => (answer = done));
      return { rows: rows.map((row) => ({ ...row })) };
    },
  };
  const dataSource = { driver: { master: pool } } as unknown as DataSource;
  return {
    dataSource,
    sent,
    rows,
    holdAnswers: () => (hold = true),
    answer: () => answer?.(),
  };
};

describe('ActiveUsers: the user behind a token, read at most a second ago', () => {
  let clock = 1_000_000;
  beforeEach(() => {
    clock = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => clock);
  });
  afterEach(() => jest.restoreAllMocks());

  it('asks the database once per token within ACTIVE_USER_COPY_MS, and again after it', async () => {
    const db = database([USER]);
    const users = new ActiveUsers(db.dataSource);
    expect(await users.find(USER.id, JTI)).toEqual(USER);
    clock += ACTIVE_USER_COPY_MS - 1;
    expect(await users.find(USER.id, JTI)).toEqual(USER);
    expect(db.sent).toEqual([[USER.id, JTI]]);
    clock += 1;
    expect(await users.find(USER.id, JTI)).toEqual(USER);
    expect(db.sent).toHaveLength(2);
  });

  it('asks again at once after this process changed a user or revoked a token', async () => {
    const db = database([USER]);
    const users = new ActiveUsers(db.dataSource);
    await users.find(USER.id, JTI);
    db.rows[0] = { ...USER, roll: 'admin' };
    users.changed();
    expect((await users.find(USER.id, JTI))?.roll).toBe('admin');
    db.rows.length = 0; // logged out
    users.changed();
    expect(await users.find(USER.id, JTI)).toBeUndefined();
    expect(db.sent).toHaveLength(3);
  });

  it('keeps no copy of a read that a change overlapped, nor of a token without a user', async () => {
    const db = database([USER]);
    const users = new ActiveUsers(db.dataSource);
    db.holdAnswers();
    const overlapped = users.find(USER.id, JTI);
    users.changed();
    db.answer();
    await overlapped;
    const unknown = '00000000-0000-4000-8000-000000000002';
    db.rows.length = 0;
    const other = users.find(unknown, JTI);
    db.answer();
    expect(await other).toBeUndefined();
    db.rows.push(USER);
    const again = users.find(USER.id, JTI);
    db.answer();
    await again;
    expect(db.sent).toHaveLength(3);
  });

  it('does not answer for another user with a copy made for the same token id', async () => {
    const db = database([USER]);
    const users = new ActiveUsers(db.dataSource);
    await users.find(USER.id, JTI);
    db.rows.length = 0;
    expect(await users.find('00000000-0000-4000-8000-000000000003', JTI)).toBeUndefined();
  });

  it('sends one statement for requests with the same token that arrive while it is read', async () => {
    const db = database([USER]);
    const users = new ActiveUsers(db.dataSource);
    db.holdAnswers();
    const first = users.find(USER.id, JTI);
    const second = users.find(USER.id, JTI);
    db.answer();
    expect(await Promise.all([first, second])).toEqual([USER, USER]);
    expect(db.sent).toHaveLength(1);
  });
});
