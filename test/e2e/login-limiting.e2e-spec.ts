import { startTestApp, type TestApp } from '../support/test-app.js';

const PASSWORD = 'ratt-losenord-123';
const WRONG = 'fel-losenord-123';
const TOO_MANY = {
  statusCode: 429,
  error: 'Too Many Requests',
  message: 'För många inloggningsförsök; vänta en stund och försök igen',
};

const loginFrom = (t: TestApp, from: string | undefined, email: string, password: string) => {
  const post = t.http.post('/api/v1/auth/token');
  return (from === undefined ? post : post.set('X-Forwarded-For', from)).send({ email, password });
};

const newUser = async (t: TestApp, email: string): Promise<void> => {
  await t.admin
    .post('/users', { email, password: PASSWORD, roll: 'personal', insatser: [] })
    .expect(201);
};

/** Statuses of many failed logins sent at once, in order. */
const statuses = async (attempts: Promise<{ status: number }>[]): Promise<number[]> =>
  (await Promise.all(attempts)).map((response) => response.status);

describe('login limiting behind a trusted proxy (TRUSTED_PROXY=loopback)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TRUSTED_PROXY: 'loopback' });
  });
  afterAll(() => t.close());

  it('refuses addresses that failed on an account after 20 failures from all addresses; a new address gets one guess', async () => {
    const email = 'malet@forbundet.se';
    await newUser(t, email);
    const failures = await statuses(
      Array.from({ length: 20 }, (_, i) => loginFrom(t, `10.0.1.${i + 1}`, email, WRONG)),
    );
    expect(failures).toEqual(Array<number>(20).fill(401));

    // Even the right password: this address has failed here, so it may not keep guessing.
    const refused = await loginFrom(t, '10.0.1.1', email, PASSWORD).expect(429);
    expect(refused.body).toEqual(TOO_MANY);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(850);
    expect(retryAfter).toBeLessThanOrEqual(900);

    await loginFrom(t, '10.0.1.21', email, WRONG).expect(401);
    await loginFrom(t, '10.0.1.21', email, WRONG).expect(429);
  });

  it('lets the owner log in from another address while their account is attacked', async () => {
    const email = 'agaren@forbundet.se';
    await newUser(t, email);
    const failures = await statuses(
      Array.from({ length: 25 }, (_, i) => loginFrom(t, `10.0.2.${i + 1}`, email, WRONG)),
    );
    expect(failures.filter((status) => status === 401)).toHaveLength(25);
    await loginFrom(t, '10.0.2.1', email, WRONG).expect(429);

    await loginFrom(t, '192.168.7.7', email, PASSWORD).expect(200);
  });

  it('slows one address spraying a password over many accounts after 100 failures; accounts that logged in from there, and other addresses, still get in', async () => {
    const nat = '10.0.3.1';
    const kollega = 'kollega@forbundet.se';
    const ny = 'ny@forbundet.se';
    await newUser(t, kollega);
    await newUser(t, ny);
    await loginFrom(t, nat, kollega, PASSWORD).expect(200);

    const sprayed = await statuses(
      Array.from({ length: 100 }, (_, i) => loginFrom(t, nat, `konto${i}@forbundet.se`, WRONG)),
    );
    expect(sprayed).toEqual(Array<number>(100).fill(401));
    const slowed = await loginFrom(t, nat, 'konto100@forbundet.se', WRONG).expect(429);
    expect(slowed.body).toEqual(TOO_MANY);
    const retryAfter = Number(slowed.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);

    // Behind the same NAT: a colleague who has logged in from here is not shut out.
    await loginFrom(t, nat, kollega, PASSWORD).expect(200);
    // An account never used from here waits with the sprayer; from elsewhere it gets in.
    await loginFrom(t, nat, ny, PASSWORD).expect(429);
    await loginFrom(t, '10.0.3.2', ny, PASSWORD).expect(200);
    await loginFrom(t, '10.0.3.2', 'konto100@forbundet.se', WRONG).expect(401);
  });

  it('keeps the counts in the database: a second app on it and an app started after a restart see them', async () => {
    const email = 'delad@forbundet.se';
    await newUser(t, email);
    const first = await startTestApp({ TRUSTED_PROXY: 'loopback' }, { db: t.db });
    const second = await startTestApp({ TRUSTED_PROXY: 'loopback' }, { db: t.db });
    try {
      for (let i = 0; i < 3; i++) await loginFrom(first, '10.0.4.1', email, WRONG).expect(401);
      for (let i = 0; i < 2; i++) await loginFrom(second, '10.0.4.1', email, WRONG).expect(401);
      await loginFrom(first, '10.0.4.1', email, WRONG).expect(429);
      await loginFrom(second, '10.0.4.1', email, WRONG).expect(429);
    } finally {
      await first.close();
      await second.close();
    }
    const restarted = await startTestApp({ TRUSTED_PROXY: 'loopback' }, { db: t.db });
    try {
      await loginFrom(restarted, '10.0.4.1', email, PASSWORD).expect(429);
      await loginFrom(restarted, '10.0.4.2', email, PASSWORD).expect(200);
    } finally {
      await restarted.close();
    }
  });
});

describe('login limiting without TRUSTED_PROXY', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For: a sprayer naming a new address each time is one client, slowed after 100 failures', async () => {
    const sprayed = await statuses(
      Array.from({ length: 100 }, (_, i) =>
        loginFrom(t, `172.16.0.${i + 1}`, `konto${i}@forbundet.se`, WRONG),
      ),
    );
    expect(sprayed).toEqual(Array<number>(100).fill(401));
    await loginFrom(t, '172.16.1.1', 'konto100@forbundet.se', WRONG).expect(429);
    await loginFrom(t, undefined, 'konto101@forbundet.se', WRONG).expect(429);
  });
});
