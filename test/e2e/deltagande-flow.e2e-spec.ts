import {
  avslutBody,
  inskrivningBody,
  remissBody,
  startTestApp,
  type Caller,
  type TestApp,
} from '../support/test-app.js';

describe('a deltagande from remiss to uppföljning, over HTTP', () => {
  let t: TestApp;
  let personal: Caller;
  let insatsId: string;

  beforeAll(async () => {
    t = await startTestApp();
    insatsId = await t.insats();
    personal = await t.user('personal', { insatser: [insatsId] });
  });
  afterAll(() => t.close());

  it('registers remiss, inskrivning, avslut and uppföljning and shows each in the historik', async () => {
    const remiss = await personal
      .post(`/insatser/${insatsId}/deltaganden`, remissBody())
      .expect(201);
    expect(remiss.body).toEqual({
      id: expect.any(String),
      revision: 0,
      position: expect.any(Number),
    });
    const id = remiss.body.id as string;

    const inskriven = await personal
      .post(`/deltaganden/${id}/inskrivning`, inskrivningBody())
      .expect(200);
    expect(inskriven.body).toMatchObject({ id, revision: 1 });
    expect(inskriven.body.position).toBeGreaterThan(remiss.body.position);

    await personal.post(`/deltaganden/${id}/avslut`, avslutBody()).expect(200);
    await personal
      .post(`/deltaganden/${id}/uppfoljning`, {
        datum: '2025-12-30',
        manaderEfterAvslut: 6,
        sysselsattning: 'arbete',
        forsorjning: ['lon'],
      })
      .expect(200);

    const read = await personal.get(`/deltaganden/${id}`).expect(200);
    expect(read.body).toMatchObject({
      id,
      insatsId,
      status: 'avslutad',
      personId: null,
      person: { kon: 'kvinna', fodelsear: 1990, kommun: '0138' },
      remiss: { datum: '2025-02-03', remittent: 'af', remittentEnhet: null },
      inskrivning: {
        datum: '2025-02-10',
        forsorjning: ['forsorjningsstod'],
        utbildningsniva: 'gymnasial',
        tidIOffentligForsorjning: '1-2-ar',
      },
      avslut: { datum: '2025-06-30', avslutsorsak: 'arbete', forsorjning: ['lon'] },
      uppfoljningar: [
        {
          datum: '2025-12-30',
          manaderEfterAvslut: 6,
          sysselsattning: 'arbete',
          forsorjning: ['lon'],
        },
      ],
      revision: 3,
    });
    expect(read.body.historik.map((h: { type: string }) => h.type)).toEqual([
      'RemissMottagen',
      'DeltagareInskriven',
      'DeltagareAvslutad',
      'UppfoljningRegistrerad',
    ]);
    const userIds = new Set(read.body.historik.map((h: { userId: string }) => h.userId));
    expect(userIds.size).toBe(1);
    expect(read.body.historik[0].userEmail).toMatch(/^personal\d+@forbundet\.se$/);
    expect(read.body.historik[1]).toMatchObject({
      revision: 1,
      data: { datum: '2025-02-10', forsorjning: ['forsorjningsstod'] },
      recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
    });
  });

  it('enrols directly with one request: remiss and inskrivning as two events', async () => {
    const created = await personal
      .post(
        `/insatser/${insatsId}/deltaganden`,
        remissBody({ inskrivning: { datum: '2025-02-03' } }),
      )
      .expect(201);
    expect(created.body.revision).toBe(1);
    const read = await personal.get(`/deltaganden/${created.body.id}`).expect(200);
    expect(read.body.status).toBe('inskriven');
    expect(read.body.historik.map((h: { type: string }) => h.type)).toEqual([
      'RemissMottagen',
      'DeltagareInskriven',
    ]);
  });

  it('återremitterar a remiss, which ends the deltagande without inskrivning', async () => {
    const { body } = await personal
      .post(`/insatser/${insatsId}/deltaganden`, remissBody())
      .expect(201);
    await personal
      .post(`/deltaganden/${body.id}/aterremiss`, { datum: '2025-02-05', orsak: 'Annan målgrupp' })
      .expect(200);
    const read = await personal.get(`/deltaganden/${body.id}`).expect(200);
    expect(read.body).toMatchObject({
      status: 'aterremitterad',
      aterremiss: { datum: '2025-02-05', orsak: 'Annan målgrupp' },
      inskrivning: null,
    });
    const refused = await personal
      .post(`/deltaganden/${body.id}/inskrivning`, inskrivningBody())
      .expect(422);
    expect(refused.body.statusCode).toBe(422);
  });

  it('corrects an inskrivning date, recalls an avslut and makulerar, keeping every step in historik', async () => {
    const { body } = await personal
      .post(`/insatser/${insatsId}/deltaganden`, remissBody({ inskrivning: {} }))
      .expect(201);
    const id = body.id as string;
    await personal
      .post(`/deltaganden/${id}/korrigering`, {
        typ: 'inskrivning',
        orsak: 'Fel datum',
        datum: '2025-02-12',
      })
      .expect(200);
    await personal.post(`/deltaganden/${id}/avslut`, avslutBody()).expect(200);
    await personal
      .post(`/deltaganden/${id}/aterkalla-avslut`, { orsak: 'Registrerat av misstag' })
      .expect(200);

    const active = await personal.get(`/deltaganden/${id}`).expect(200);
    expect(active.body).toMatchObject({
      status: 'inskriven',
      avslut: null,
      inskrivning: { datum: '2025-02-12' },
    });

    await personal
      .post(`/deltaganden/${id}/korrigering`, {
        typ: 'person',
        orsak: 'Fel kommun',
        kommun: '0180',
      })
      .expect(200);
    await personal
      .post(`/deltaganden/${id}/makulering`, { orsak: 'Dubbelregistrering' })
      .expect(200);

    const read = await personal.get(`/deltaganden/${id}`).expect(200);
    expect(read.body).toMatchObject({
      status: 'makulerad',
      person: { kommun: '0180' },
      makulering: { orsak: 'Dubbelregistrering' },
    });
    expect(read.body.historik.map((h: { type: string }) => h.type)).toEqual([
      'RemissMottagen',
      'DeltagareInskriven',
      'InskrivningKorrigerad',
      'DeltagareAvslutad',
      'AvslutAterkallat',
      'PersonuppgifterKorrigerade',
      'DeltagandeMakulerat',
    ]);
    await personal.post(`/deltaganden/${id}/avslut`, avslutBody()).expect(422);
  });

  it('lists the insats deltaganden filtered by status', async () => {
    const insats = await t.insats({ namn: 'Balder' });
    const staff = await t.user('personal', { insatser: [insats] });
    const a = await staff.post(`/insatser/${insats}/deltaganden`, remissBody()).expect(201);
    const b = await staff
      .post(`/insatser/${insats}/deltaganden`, remissBody({ inskrivning: {} }))
      .expect(201);

    const all = await staff.get(`/insatser/${insats}/deltaganden`).expect(200);
    expect(all.body.items.map((d: { id: string }) => d.id).sort()).toEqual(
      [a.body.id, b.body.id].sort(),
    );
    const inskrivna = await staff
      .get(`/insatser/${insats}/deltaganden?status=inskriven`)
      .expect(200);
    expect(inskrivna.body.items.map((d: { id: string }) => d.id)).toEqual([b.body.id]);
    await staff.get(`/insatser/${insats}/deltaganden?status=okand`).expect(400);
  });

  it('creates an insats with årsmål and volym for a volym insats', async () => {
    const volymInsats = await t.insats({
      namn: 'Föreläsningar',
      matmetod: 'volym',
      inriktning: 'strukturovergripande',
    });
    await t.admin
      .put(`/insatser/${volymInsats}/arsmal/2025`, {
        deltagare: 40,
        nyaDeltagare: 30,
        andelArbeteStudier: 0.35,
      })
      .expect(200);
    const staff = await t.user('personal', { insatser: [volymInsats] });
    await staff
      .post(`/insatser/${volymInsats}/volym`, {
        datum: '2025-03-01',
        kvinnor: 12,
        man: 8,
        aktivitet: 'Föreläsning',
      })
      .expect(201);
    const refused = await staff
      .post(`/insatser/${volymInsats}/deltaganden`, remissBody())
      .expect(422);
    expect(refused.body.details.code).toEqual(expect.any(String));

    const read = await t.admin.get(`/insatser/${volymInsats}`).expect(200);
    expect(read.body).toMatchObject({
      id: volymInsats,
      namn: 'Föreläsningar',
      matmetod: 'volym',
      startdatum: '2024-01-01',
      slutdatum: null,
      avslutad: false,
      arsmal: [{ ar: 2025, deltagare: 40, nyaDeltagare: 30, andelArbeteStudier: 0.35 }],
    });
    const list = await t.admin.get('/insatser').expect(200);
    expect(list.body.map((i: { namn: string }) => i.namn)).toContain('Föreläsningar');
  });
});
