import jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The JWT_SECRET test-app.ts starts the app with: these tokens are validly signed. */
const SECRET = 'test-secret-that-is-long-enough-for-hs256';
const HOUR = 60 * 60;
const TOKEN_TTL_SECONDS = 8 * HOUR;

const now = (): number => Math.floor(Date.now() / 1000);

describe('access tokens the app did not issue in that shape', () => {
  let t: TestApp;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminId = (await t.admin.get('/auth/me').expect(200)).body.id as string;
  });
  afterAll(() => t.close());

  /** The claims the app issues, with overrides; an override of undefined leaves a claim out. */
  const claims = (overrides: Record<string, unknown> = {}): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries({
        sub: adminId,
        jti: randomUUID(),
        iat: now(),
        exp: now() + HOUR,
        ...overrides,
      }).filter(([, value]) => value !== undefined),
    );

  const signed = (payload: Record<string, unknown>, algorithm: jwt.Algorithm = 'HS256') =>
    jwt.sign(payload, SECRET, { algorithm });

  const answerTo = async (token: string) => {
    const response = await t.http.get('/api/v1/insatser').set('Authorization', `Bearer ${token}`);
    return { status: response.status, body: response.body as unknown };
  };

  const REFUSED = {
    status: 401,
    body: { statusCode: 401, error: 'Unauthorized', message: 'Ogiltig eller utgången token' },
  };

  it('accepts a token shaped as the app issues them (the control case)', async () => {
    expect((await answerTo(signed(claims()))).status).toBe(200);
  });

  it.each([
    ['sub is not a uuid', { sub: 'x' }],
    ['sub is a number', { sub: 123 }],
    ['sub is an object', { sub: { id: 'x' } }],
    ['sub has 5,000 characters', { sub: 'a'.repeat(5_000) }],
    ['sub is the uuid of no user', { sub: randomUUID() }],
    ['jti is an object', { jti: {} }],
    ['jti is not a uuid', { jti: 'x' }],
    ['jti is a number', { jti: 7 }],
    ['jti is missing', { jti: undefined }],
    ['sub is missing', { sub: undefined }],
  ])('answers 401, not 500, to a signed token whose %s', async (_, overrides) => {
    expect(await answerTo(signed(claims(overrides)))).toEqual(REFUSED);
  });

  it('refuses a signed token without exp', async () => {
    expect(await answerTo(signed(claims({ exp: undefined })))).toEqual(REFUSED);
  });

  it('refuses a signed token that expires further away than a token lives (TOKEN_TTL_SECONDS)', async () => {
    expect(await answerTo(signed(claims({ exp: now() + TOKEN_TTL_SECONDS + 10 * 60 })))).toEqual(
      REFUSED,
    );
    expect(await answerTo(signed(claims({ exp: now() + 100 * 365 * 24 * HOUR })))).toEqual(REFUSED);
    // A token issued now lives exactly the TTL: still accepted.
    expect((await answerTo(signed(claims({ exp: now() + TOKEN_TTL_SECONDS })))).status).toBe(200);
  });

  it('refuses an expired token', async () => {
    expect(await answerTo(signed(claims({ iat: now() - 2 * HOUR, exp: now() - HOUR })))).toEqual(
      REFUSED,
    );
  });

  it('refuses an unsigned token (alg none)', async () => {
    const unsigned = jwt.sign(claims(), '', { algorithm: 'none' });
    expect(await answerTo(unsigned)).toEqual(REFUSED);
  });

  it('refuses a token signed with the right secret but another algorithm (HS512)', async () => {
    expect(await answerTo(signed(claims(), 'HS512'))).toEqual(REFUSED);
  });

  it('refuses a token signed with another secret', async () => {
    const forged = jwt.sign(claims(), 'another-secret-that-is-long-enough-too', {
      algorithm: 'HS256',
    });
    expect(await answerTo(forged)).toEqual(REFUSED);
  });

  it('refuses a logged-out token and lets a changed role take effect at the next request', async () => {
    const token = signed(claims());
    await t.http.post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    expect(await answerTo(token)).toEqual(REFUSED);

    const kansli = await t.user('kansli');
    const { id } = (await kansli.get('/auth/me').expect(200)).body as { id: string };
    await kansli.get('/users').expect(403);
    await t.admin.patch(`/users/${id}`, { roll: 'admin' }).expect(200);
    await kansli.get('/users').expect(200);
  });
});
