import {
  avslutBody,
  remissBody,
  startTestApp,
  type Caller,
  type TestApp,
} from '../support/test-app.js';

describe('insats lifecycle: PATCH /insatser/:id and POST /insatser/:id/avslut', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** An insats with a personal user who works in it. */
  const insatsMedPersonal = async (
    overrides: Record<string, unknown> = {},
  ): Promise<{ insats: string; personal: Caller }> => {
    const insats = await t.insats(overrides);
    return { insats, personal: await t.user('personal', { insatser: [insats] }) };
  };

  describe('PATCH /insatser/:id', () => {
    it('changes namn, utförare, målgrupp, grupp, ordning and slutdatum, and clears with null', async () => {
      const insats = await t.insats({ namn: 'Bron', grupp: 'Rätt stöd', ordning: 3 });
      expect((await t.admin.get(`/insatser/${insats}`).expect(200)).body).toMatchObject({
        namn: 'Bron',
        grupp: 'Rätt stöd',
        ordning: 3,
        revision: 0,
      });

      const changed = await t.admin
        .patch(`/insatser/${insats}`, {
          namn: '  Bron 2.0 ',
          utforare: 'Arbetsförmedlingen',
          malgrupp: 'Unga vuxna 16–29 år',
          grupp: 'Rätt stöd för mig',
          ordning: 1,
          slutdatum: '2027-06-30',
        })
        .set('If-Match', '"0"')
        .expect(200);
      expect(changed.body).toMatchObject({ id: insats, revision: 1 });
      expect((await t.admin.get(`/insatser/${insats}`).expect(200)).body).toMatchObject({
        namn: 'Bron 2.0',
        utforare: 'Arbetsförmedlingen',
        malgrupp: 'Unga vuxna 16–29 år',
        grupp: 'Rätt stöd för mig',
        ordning: 1,
        slutdatum: '2027-06-30',
        avslutad: false,
        revision: 1,
      });

      await t.admin
        .patch(`/insatser/${insats}`, { grupp: null, ordning: null, utforare: '', slutdatum: null })
        .expect(200);
      expect((await t.admin.get(`/insatser/${insats}`).expect(200)).body).toMatchObject({
        namn: 'Bron 2.0',
        utforare: null,
        malgrupp: 'Unga vuxna 16–29 år',
        grupp: null,
        ordning: null,
        slutdatum: null,
        revision: 2,
      });
    });

    it('answers 412 to a stale If-Match and a retried Idempotency-Key with its first answer', async () => {
      const insats = await t.insats();
      await t.admin.patch(`/insatser/${insats}`, { ordning: 5 }).expect(200);
      const stale = await t.admin
        .patch(`/insatser/${insats}`, { ordning: 6 })
        .set('If-Match', '"0"')
        .expect(412);
      expect(stale.body.details).toEqual({ expected: 0, actual: 1 });

      const first = await t.admin
        .patch(`/insatser/${insats}`, { ordning: 7 })
        .set('Idempotency-Key', 'ordning-7')
        .expect(200);
      const retry = await t.admin
        .patch(`/insatser/${insats}`, { ordning: 7 })
        .set('Idempotency-Key', 'ordning-7')
        .expect(200);
      expect(retry.body).toEqual(first.body);
      expect(first.body.revision).toBe(2);
      expect((await t.admin.get(`/insatser/${insats}`).expect(200)).body.revision).toBe(2);
    });

    it.each([
      ['no field', {}],
      ['an empty namn', { namn: '' }],
      ['a blank namn', { namn: '   ' }],
      ['a null namn', { namn: null }],
      ['a namn of 201 characters', { namn: 'x'.repeat(201) }],
      ['a grupp of 201 characters', { grupp: 'x'.repeat(201) }],
      ['a målgrupp of 501 characters', { malgrupp: 'x'.repeat(501) }],
      ['a grupp with a control character', { grupp: 'Rätt\u0000stöd' }],
      ['ordning -1', { ordning: -1 }],
      ['ordning 10001', { ordning: 10_001 }],
      ['ordning 1.5', { ordning: 1.5 }],
      ['ordning as text', { ordning: '3' }],
      ['a slutdatum that is not a date', { slutdatum: '2025-02-30' }],
      ['a slutdatum in another format', { slutdatum: '30/6/2025' }],
      ['an unknown field', { matmetod: 'volym' }],
    ])('answers 400 to %s', async (_, body) => {
      const insats = await t.insats();
      const response = await t.admin.patch(`/insatser/${insats}`, body).expect(400);
      expect(response.body.statusCode).toBe(400);
      expect((await t.admin.get(`/insatser/${insats}`).expect(200)).body.revision).toBe(0);
    });

    it('answers 422 to a change that changes nothing and to a slutdatum before the start', async () => {
      const insats = await t.insats({ ordning: 2 });
      const same = await t.admin.patch(`/insatser/${insats}`, { ordning: 2 }).expect(422);
      expect(same.body.details.code).toBe('INSATS.ANDRAR_INGET');
      const early = await t.admin
        .patch(`/insatser/${insats}`, { slutdatum: '2023-12-31' })
        .expect(422);
      expect(early.body.details.code).toBe('INSATS.SLUT_FORE_START');
    });

    it('answers 422 to a slutdatum before a remiss, an inskrivning or a volym dated later', async () => {
      const { insats, personal } = await insatsMedPersonal();
      // Remiss 2025-02-03, inskrivning 2025-02-10.
      await personal
        .post(`/insatser/${insats}/deltaganden`, remissBody({ inskrivning: {} }))
        .expect(201);
      const beforeInskrivning = await t.admin
        .patch(`/insatser/${insats}`, { slutdatum: '2025-02-09' })
        .expect(422);
      expect(beforeInskrivning.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'Insatsen har registreringar daterade 2025-02-10, efter slutdatum 2025-02-09',
        details: {
          code: 'INSATS.REGISTRERAT_EFTER_SLUTDATUM',
          slutdatum: '2025-02-09',
          senasteDatum: '2025-02-10',
        },
      });
      await t.admin.patch(`/insatser/${insats}`, { slutdatum: '2025-02-10' }).expect(200);

      const volym = await insatsMedPersonal({ matmetod: 'volym' });
      await volym.personal
        .post(`/insatser/${volym.insats}/volym`, { datum: '2025-05-20', kvinnor: 3, man: 2 })
        .expect(201);
      const beforeVolym = await t.admin
        .patch(`/insatser/${volym.insats}`, { slutdatum: '2025-05-19' })
        .expect(422);
      expect(beforeVolym.body.details.code).toBe('INSATS.REGISTRERAT_EFTER_SLUTDATUM');
      expect((await t.admin.get(`/insatser/${volym.insats}`).expect(200)).body.revision).toBe(1);
    });

    it('answers 404 for an unknown insats', async () => {
      await t.admin
        .patch('/insatser/00000000-0000-4000-8000-000000000000', { namn: 'X' })
        .expect(404);
    });
  });

  describe('POST /insatser/:id/avslut', () => {
    it('is refused with 422 listing the open deltaganden by id only, and succeeds once they are closed', async () => {
      const { insats, personal } = await insatsMedPersonal();
      const remitterad = (
        await personal.post(`/insatser/${insats}/deltaganden`, remissBody()).expect(201)
      ).body.id as string;
      const inskriven = (
        await personal
          .post(
            `/insatser/${insats}/deltaganden`,
            remissBody({
              person: { personnummer: '19850505-0107', samtycke: { datum: '2025-01-15' } },
              inskrivning: {},
            }),
          )
          .expect(201)
      ).body.id as string;
      const avslutad = (
        await personal
          .post(`/insatser/${insats}/deltaganden`, remissBody({ inskrivning: {} }))
          .expect(201)
      ).body.id as string;
      await personal
        .post(`/deltaganden/${avslutad}/avslut`, avslutBody({ datum: '2025-05-31' }))
        .expect(200);

      const refused = await t.admin
        .post(`/insatser/${insats}/avslut`, { slutdatum: '2025-12-31' })
        .expect(422);
      expect(refused.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'Insatsen har 2 öppna deltaganden; avsluta eller återremittera dem först',
        details: { code: 'INSATS.OPPNA_DELTAGANDEN', oppnaDeltaganden: [remitterad, inskriven] },
      });
      expect((await t.admin.get(`/insatser/${insats}`).expect(200)).body.avslutad).toBe(false);

      await personal
        .post(`/deltaganden/${remitterad}/aterremiss`, { datum: '2025-02-05', orsak: 'Annan plan' })
        .expect(200);
      await personal
        .post(`/deltaganden/${inskriven}/avslut`, avslutBody({ datum: '2025-06-30' }))
        .expect(200);

      // The last avslut is dated 2025-06-30: an earlier slutdatum would leave it after the end.
      const early = await t.admin
        .post(`/insatser/${insats}/avslut`, { slutdatum: '2025-06-29' })
        .expect(422);
      expect(early.body.details).toEqual({
        code: 'INSATS.REGISTRERAT_EFTER_SLUTDATUM',
        slutdatum: '2025-06-29',
        senasteDatum: '2025-06-30',
      });

      const ended = await t.admin
        .post(`/insatser/${insats}/avslut`, { slutdatum: '2025-06-30' })
        .expect(200);
      expect(ended.body).toMatchObject({ id: insats, revision: 1 });
      expect((await t.admin.get(`/insatser/${insats}`).expect(200)).body).toMatchObject({
        avslutad: true,
        slutdatum: '2025-06-30',
        revision: 1,
      });

      const twice = await t.admin
        .post(`/insatser/${insats}/avslut`, { slutdatum: '2025-06-30' })
        .expect(422);
      expect(twice.body.details.code).toBe('INSATS.REDAN_AVSLUTAD');
    });

    it('after the avslut refuses a remiss, even one dated after the slutdatum, and a recalled avslut', async () => {
      const { insats, personal } = await insatsMedPersonal();
      const deltagande = (
        await personal
          .post(`/insatser/${insats}/deltaganden`, remissBody({ inskrivning: {} }))
          .expect(201)
      ).body.id as string;
      await personal
        .post(`/deltaganden/${deltagande}/avslut`, avslutBody({ datum: '2025-03-31' }))
        .expect(200);
      await t.admin.post(`/insatser/${insats}/avslut`, { slutdatum: '2025-04-30' }).expect(200);

      const later = await personal
        .post(`/insatser/${insats}/deltaganden`, remissBody({ remiss: { datum: '2025-05-02' } }))
        .expect(422);
      expect(later.body.details.code).toBe('DELTAGANDE.INSATS_AVSLUTAD');
      const earlier = await personal
        .post(`/insatser/${insats}/deltaganden`, remissBody({ remiss: { datum: '2025-04-02' } }))
        .expect(422);
      expect(earlier.body.details.code).toBe('DELTAGANDE.INSATS_AVSLUTAD');

      const reopen = await personal
        .post(`/deltaganden/${deltagande}/aterkalla-avslut`, { orsak: 'Misstag' })
        .expect(422);
      expect(reopen.body.details.code).toBe('DELTAGANDE.INSATS_AVSLUTAD');
      expect(
        (await personal.get(`/insatser/${insats}/deltaganden`).expect(200)).body.items,
      ).toHaveLength(1);
    });

    it('refuses volym dated after the slutdatum, and an avslut before the latest volym', async () => {
      const { insats, personal } = await insatsMedPersonal({ matmetod: 'volym' });
      await personal
        .post(`/insatser/${insats}/volym`, { datum: '2025-05-20', kvinnor: 3, man: 2 })
        .expect(201);
      const beforeVolym = await t.admin
        .post(`/insatser/${insats}/avslut`, { slutdatum: '2025-05-19' })
        .expect(422);
      expect(beforeVolym.body.details.code).toBe('INSATS.REGISTRERAT_EFTER_SLUTDATUM');
      await t.admin.post(`/insatser/${insats}/avslut`, { slutdatum: '2025-05-31' }).expect(200);

      const after = await personal
        .post(`/insatser/${insats}/volym`, { datum: '2025-06-01', kvinnor: 1, man: 1 })
        .expect(422);
      expect(after.body.details.code).toBe('INSATS.DATUM_UTANFOR_INSATS');
      await personal
        .post(`/insatser/${insats}/volym`, { datum: '2025-05-31', kvinnor: 1, man: 1 })
        .expect(201);
    });

    it('keeps the dates of an ended insats but lets it be renamed and grouped', async () => {
      const insats = await t.insats();
      await t.admin.post(`/insatser/${insats}/avslut`, { slutdatum: '2025-12-31' }).expect(200);
      const datum = await t.admin
        .patch(`/insatser/${insats}`, { slutdatum: '2026-01-31' })
        .expect(422);
      expect(datum.body.details.code).toBe('INSATS.AVSLUTAD');
      await t.admin
        .patch(`/insatser/${insats}`, { grupp: 'Avslutade projekt', ordning: 90 })
        .expect(200);
      expect((await t.admin.get(`/insatser/${insats}`).expect(200)).body).toMatchObject({
        grupp: 'Avslutade projekt',
        ordning: 90,
        avslutad: true,
        slutdatum: '2025-12-31',
      });
    });

    it.each([
      ['no slutdatum', {}],
      ['a slutdatum that is not a date', { slutdatum: '2025-13-01' }],
      ['a null slutdatum', { slutdatum: null }],
    ])('answers 400 to %s', async (_, body) => {
      const insats = await t.insats();
      await t.admin.post(`/insatser/${insats}/avslut`, body).expect(400);
    });

    it('answers 422 to a slutdatum in the future: a planned end is a PATCH', async () => {
      const insats = await t.insats();
      const response = await t.admin
        .post(`/insatser/${insats}/avslut`, { slutdatum: '2999-12-31' })
        .expect(422);
      expect(response.body.details.code).toBe('INSATS.SLUTDATUM_I_FRAMTIDEN');
    });
  });

  describe('GET /insatser', () => {
    it("lists in the förbund's order: ordning, insatser without one last, then namn", async () => {
      const { admin } = await newForbund();
      const create = (body: Record<string, unknown>): Promise<string> => t.insats(body, admin);
      await create({ namn: 'Utan B' });
      await create({ namn: 'Tio', ordning: 10 });
      await create({ namn: 'Utan A' });
      await create({ namn: 'Ett B', ordning: 1, grupp: 'Unga vuxna-teamen' });
      await create({ namn: 'Ett A', ordning: 1, grupp: 'Unga vuxna-teamen' });
      const omordnad = await create({ namn: 'Noll', ordning: 0 });

      const list = async (): Promise<string[]> =>
        ((await admin.get('/insatser').expect(200)).body as { namn: string }[]).map((i) => i.namn);
      expect(await list()).toEqual(['Noll', 'Ett A', 'Ett B', 'Tio', 'Utan A', 'Utan B']);

      await admin.patch(`/insatser/${omordnad}`, { ordning: null }).expect(200);
      expect(await list()).toEqual(['Ett A', 'Ett B', 'Tio', 'Noll', 'Utan A', 'Utan B']);
      const forsta = (await admin.get('/insatser').expect(200)).body[0];
      expect(forsta).toMatchObject({ namn: 'Ett A', grupp: 'Unga vuxna-teamen', ordning: 1 });
    });

    it('answers 400 to POST /insatser with an ordning out of range', async () => {
      await t.admin
        .post('/insatser', {
          namn: 'X',
          inriktning: 'individinriktad',
          matmetod: 'individ',
          startdatum: '2024-01-01',
          ordning: 10_001,
        })
        .expect(400);
    });
  });

  let forbundCount = 0;
  const newForbund = async (): Promise<{ admin: Caller }> => {
    const email = `admin${++forbundCount}@ordning.se`;
    await t.admin
      .post('/forbund', {
        namn: `Förbund ${forbundCount}`,
        admin: { email, password: 'ett-langt-losenord' },
      })
      .expect(201);
    return { admin: await t.login(email, 'ett-langt-losenord') };
  };
});
