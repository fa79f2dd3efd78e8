import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';

describe('hardening', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: 'https://kansli.example.se' });
  });
  afterAll(() => t.close());

  it('revokes a token at logout; other tokens of the user still work', async () => {
    const session = await t.login(ADMIN.email, ADMIN.password);
    const other = await t.login(ADMIN.email, ADMIN.password);
    await session.get('/insatser').expect(200);
    await session.post('/auth/logout').expect(204);
    const refused = await session.get('/insatser').expect(401);
    expect(refused.body.message).toBe('Ogiltig eller utgången token');
    await other.get('/insatser').expect(200);
  });

  it('issues tokens that expire after TOKEN_TTL_SECONDS (8 h by default)', async () => {
    const { body } = await t.http
      .post('/api/v1/auth/token')
      .send({ email: ADMIN.email, password: ADMIN.password })
      .expect(200);
    expect(body.expiresIn).toBe(8 * 60 * 60);
    const claims = JSON.parse(Buffer.from(body.accessToken.split('.')[1], 'base64url').toString());
    expect(claims.exp - claims.iat).toBe(8 * 60 * 60);
    expect(claims.jti).toEqual(expect.any(String));
  });

  it('blocks a sixth login attempt within a minute for the same e-mail, not for others', async () => {
    const attempt = (email: string) =>
      t.http.post('/api/v1/auth/token').send({ email, password: 'fel-losenord-123' });
    for (let i = 0; i < 5; i++) await attempt('offer@forbundet.se').expect(401);
    const blocked = await attempt('offer@forbundet.se').expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'För många inloggningsförsök; vänta en stund och försök igen',
    });
    await attempt('annan@forbundet.se').expect(401);
  });

  it('sends security headers', async () => {
    const response = await t.http.get('/api/v1/health').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toContain('max-age=');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('answers CORS only for configured origins', async () => {
    const allowed = await t.http.get('/api/v1/health').set('Origin', 'https://kansli.example.se');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://kansli.example.se');
    const other = await t.http.get('/api/v1/health').set('Origin', 'https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS without configuration', () => {
  it('stays closed', async () => {
    const t = await startTestApp();
    try {
      const response = await t.http
        .get('/api/v1/health')
        .set('Origin', 'https://kansli.example.se');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
