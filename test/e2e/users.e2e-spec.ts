import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';

describe('who am I, and the admin’s users', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('tells the logged-in user its role, förbund and insatser', async () => {
    const insats = await t.insats();
    const personal = await t.user('personal', { insatser: [insats] });
    const me = await personal.get('/auth/me').expect(200);
    expect(me.body).toEqual({
      id: expect.any(String),
      email: expect.stringMatching(/^personal\d+@forbundet\.se$/),
      roll: 'personal',
      systemadmin: false,
      forbund: { id: expect.any(String), namn: 'Samordningsförbundet Test' },
      insatser: [insats],
    });
    const admin = await t.admin.get('/auth/me').expect(200);
    expect(admin.body).toMatchObject({ email: ADMIN.email, roll: 'admin', systemadmin: true });
  });

  it('lists the förbund’s users and changes a role and insatser', async () => {
    const a = await t.insats({ namn: 'A' });
    const b = await t.insats({ namn: 'B' });
    const created = await t.admin
      .post('/users', {
        email: 'ny@forbundet.se',
        password: 'ett-langt-losenord',
        roll: 'personal',
        insatser: [a],
      })
      .expect(201);
    const list = await t.admin.get('/users').expect(200);
    expect(list.body.items).toContainEqual({
      id: created.body.id,
      email: 'ny@forbundet.se',
      roll: 'personal',
      insatser: [a],
    });

    const changed = await t.admin
      .patch(`/users/${created.body.id}`, { insatser: [a, b] })
      .expect(200);
    expect(changed.body).toEqual({
      id: created.body.id,
      email: 'ny@forbundet.se',
      roll: 'personal',
      insatser: [a, b],
    });
    const promoted = await t.admin
      .patch(`/users/${created.body.id}`, { roll: 'kansli' })
      .expect(200);
    expect(promoted.body.roll).toBe('kansli');
    const staff = await t.login('ny@forbundet.se', 'ett-langt-losenord');
    await staff.get('/statistik?fran=2025-01-01&till=2025-12-31').expect(200);
  });

  it('refuses to drop its own admin role, unknown insatser and other förbund’s users', async () => {
    const me = await t.admin.get('/auth/me').expect(200);
    const refused = await t.admin.patch(`/users/${me.body.id}`, { roll: 'kansli' }).expect(422);
    expect(refused.body.message).toBe('Du kan inte ta bort din egen admin-roll');
    const user = await t.admin
      .post('/users', { email: 'x@forbundet.se', password: 'ett-langt-losenord', roll: 'kansli' })
      .expect(201);
    await t.admin
      .patch(`/users/${user.body.id}`, { insatser: ['00000000-0000-4000-8000-000000000000'] })
      .expect(404);
    await t.admin
      .post('/forbund', {
        namn: 'Söder',
        admin: { email: 's@soder.se', password: 'soder-losenord-1' },
      })
      .expect(201);
    const soder = await t.login('s@soder.se', 'soder-losenord-1');
    await soder.patch(`/users/${user.body.id}`, { roll: 'admin' }).expect(404);
    expect(
      (await soder.get('/users').expect(200)).body.items.map((u: { email: string }) => u.email),
    ).toEqual(['s@soder.se']);
  });
});
