import { remissBody, startTestApp, type TestApp } from '../support/test-app.js';

describe('authentication, roles and tenancy', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves health and the OpenAPI document without a token', async () => {
    const health = await t.http.get('/api/v1/health').expect(200);
    expect(health.body).toEqual({
      status: 'ok',
      eventStore: 'up',
      readModels: 'up',
      projectionLag: expect.any(Number),
      projection: { status: 'ok' },
    });
    const docs = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/insatser', '/api/v1/deltaganden/{id}/avslut']),
    );
    await t.http.get('/api/docs').expect(200);
  });

  it('answers 401 without a token, with a bad token, and for a wrong password', async () => {
    await t.http.get('/api/v1/insatser').expect(401);
    await t.http.get('/api/v1/insatser').set('Authorization', 'Bearer nonsense').expect(401);
    const wrong = await t.http
      .post('/api/v1/auth/token')
      .send({ email: 'admin@forbundet.se', password: 'fel-losenord-123' })
      .expect(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Fel e-post eller lösenord',
    });
  });

  it('answers 403 when kansli sends a command and when personal works outside its insatser', async () => {
    const own = await t.insats();
    const other = await t.insats({ namn: 'Annan insats' });
    const kansli = await t.user('kansli');
    const personal = await t.user('personal', { insatser: [own] });

    await kansli.post(`/insatser/${own}/deltaganden`, remissBody()).expect(403);
    await kansli
      .post('/insatser', {
        namn: 'X',
        inriktning: 'individinriktad',
        matmetod: 'individ',
        startdatum: '2024-01-01',
      })
      .expect(403);
    await personal.post(`/insatser/${other}/deltaganden`, remissBody()).expect(403);
    await personal.get(`/insatser/${other}/deltaganden`).expect(403);
    await personal
      .post('/users', { email: 'x@y.se', password: 'ett-langt-losenord', roll: 'admin' })
      .expect(403);
    await t.admin.post(`/insatser/${own}/deltaganden`, remissBody()).expect(403);

    const mine = await personal.get('/insatser').expect(200);
    expect(mine.body.map((i: { id: string }) => i.id)).toEqual([own]);
  });

  it('answers 404 for another förbund’s ids, and only the systemadmin creates förbund', async () => {
    const created = await t.admin
      .post('/forbund', {
        namn: 'Samordningsförbundet Norr',
        admin: { email: 'norr@forbund.se', password: 'norr-losenord-123' },
      })
      .expect(201);
    expect(created.body).toEqual({ id: expect.any(String) });
    const norrAdmin = await t.login('norr@forbund.se', 'norr-losenord-123');
    await norrAdmin
      .post('/forbund', {
        namn: 'Ännu ett',
        admin: { email: 'a@b.se', password: 'ett-langt-losenord' },
      })
      .expect(403);

    const ours = await t.insats();
    const ourStaff = await t.user('personal', { insatser: [ours] });
    const { body } = await ourStaff.post(`/insatser/${ours}/deltaganden`, remissBody()).expect(201);

    const theirs = await t.insats({ namn: 'Norrs insats' }, norrAdmin);
    const norrStaff = await t.user('personal', { insatser: [theirs], admin: norrAdmin });
    await norrAdmin.get(`/insatser/${ours}`).expect(404);
    await norrAdmin
      .put(`/insatser/${ours}/arsmal/2025`, {
        deltagare: 1,
        nyaDeltagare: 1,
        andelArbeteStudier: 0.5,
      })
      .expect(404);
    await norrStaff.get(`/deltaganden/${body.id}`).expect(404);
    await norrStaff.post(`/deltaganden/${body.id}/makulering`, { orsak: 'x' }).expect(404);
    await norrAdmin
      .post('/users', {
        email: 'p@norr.se',
        password: 'ett-langt-losenord',
        roll: 'personal',
        insatser: [ours],
      })
      .expect(404);
    const list = await norrAdmin.get('/insatser').expect(200);
    expect(list.body.map((i: { id: string }) => i.id)).toEqual([theirs]);
  });

  it('refuses a short password and a duplicate e-mail', async () => {
    const short = await t.admin
      .post('/users', { email: 'kort@forbundet.se', password: 'kort', roll: 'kansli' })
      .expect(400);
    expect(short.body.details).toEqual([
      { field: 'password', errors: ['Lösenordet måste ha minst 12 tecken'] },
    ]);
    await t.admin
      .post('/users', {
        email: 'dubbel@forbundet.se',
        password: 'ett-langt-losenord',
        roll: 'kansli',
      })
      .expect(201);
    await t.admin
      .post('/users', {
        email: 'Dubbel@forbundet.se',
        password: 'ett-langt-losenord',
        roll: 'kansli',
      })
      .expect(422);
  });
});
