import { insatsStream } from '#domain';
import { randomUUID } from 'node:crypto';
import { startTestApp, type Caller, type TestApp } from '../support/test-app.js';

/** Goals of insatser, grupper and the förbund, economy and årsmål parts over HTTP. */
describe('mål och ekonomi', () => {
  let t: TestApp;
  let kansli: Caller;

  beforeAll(async () => {
    t = await startTestApp();
    kansli = await t.user('kansli');
  });
  afterAll(() => t.close());

  /** The last event stored, as the store holds it. */
  const lastEvent = async () => (await t.events()).at(-1)!;

  /** Gives an insats a grupp the way InsatsAndrad does (its endpoint is another slice's). */
  const iGrupp = async (insatsId: string, grupp: string): Promise<void> => {
    await t.store.appendToStream(
      insatsStream(insatsId),
      [
        {
          type: 'InsatsAndrad',
          data: { grupp },
          metadata: { userId: 'test', correlationId: 'c', causationId: 'c' },
        },
      ],
      { expectedRevision: 'any' },
    );
  };

  const fieldsOf = (body: { details?: { field: string }[] }): string[] =>
    (body.details ?? []).map((d) => d.field).sort();

  describe('an insats’s goals', () => {
    it('stores MalSatt with the client’s malId and lists the goal', async () => {
      const insatsId = await t.insats({ namn: 'MIA Vidare' });
      const malId = randomUUID();
      const response = await t.admin
        .put(`/insatser/${insatsId}/mal/${malId}`, {
          matt: 'nya',
          fran: '2020-01-01',
          till: '2022-06-30',
          varde: 330,
        })
        .expect(200);
      expect(response.body).toEqual({
        id: insatsId,
        revision: 1,
        position: expect.any(Number),
      });
      expect(await lastEvent()).toEqual({
        type: 'MalSatt',
        streamId: `insats-${insatsId}`,
        data: { malId, matt: 'nya', fran: '2020-01-01', till: '2022-06-30', varde: 330 },
      });
      const read = await kansli.get(`/insatser/${insatsId}/mal`).expect(200);
      expect(read.body).toEqual({
        mal: [{ malId, matt: 'nya', fran: '2020-01-01', till: '2022-06-30', varde: 330 }],
        ekonomi: [],
        arsmal: [],
        revision: 1,
      });
    });

    it('replaces a goal set again with the same malId, and takes a share 0–1', async () => {
      const insatsId = await t.insats();
      const malId = randomUUID();
      const andel = { matt: 'andel-arbete-studier', fran: '2020-01-01', till: '2022-06-30' };
      await t.admin.put(`/insatser/${insatsId}/mal/${malId}`, { ...andel, varde: 0.2 }).expect(200);
      await t.admin
        .put(`/insatser/${insatsId}/mal/${malId}`, { ...andel, varde: 0.25 })
        .expect(200);
      expect((await lastEvent()).data).toEqual({ malId, ...andel, varde: 0.25 });
      const read = await t.admin.get(`/insatser/${insatsId}/mal`).expect(200);
      expect(read.body.mal).toEqual([{ malId, ...andel, varde: 0.25 }]);
      expect(read.body.revision).toBe(2);
    });

    it('lists goals by period start, then measure', async () => {
      const insatsId = await t.insats();
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      const mal = (matt: string, fran: string, varde: number) => ({
        matt,
        fran,
        till: '2025-12-31',
        varde,
      });
      await t.admin.put(`/insatser/${insatsId}/mal/${a}`, mal('nya', '2025-01-01', 40));
      await t.admin.put(`/insatser/${insatsId}/mal/${b}`, mal('deltagare', '2024-01-01', 90));
      await t.admin.put(`/insatser/${insatsId}/mal/${c}`, mal('deltagare', '2025-01-01', 60));
      const read = await t.admin.get(`/insatser/${insatsId}/mal`).expect(200);
      expect(read.body.mal.map((m: { malId: string }) => m.malId)).toEqual([b, c, a]);
    });

    it.each([
      ['a share above 1', { matt: 'andel-arbete', varde: 1.5 }, ['varde']],
      ['a count above 1,000,000', { matt: 'nya', varde: 1_000_001 }, ['varde']],
      ['a count that is not whole', { matt: 'deltagare', varde: 2.5 }, ['varde']],
      ['a negative count', { matt: 'avslutade', varde: -1 }, ['varde']],
      ['a period of 11 years', { fran: '2020-01-01', till: '2030-12-31' }, ['till']],
      ['a period of 10 years and a day', { fran: '2020-01-01', till: '2030-01-01' }, ['till']],
      ['till before fran', { fran: '2021-01-01', till: '2020-12-31' }, ['till']],
      ['an unknown measure', { matt: 'glada' }, ['matt']],
      ['a date that does not exist', { fran: '2021-02-29' }, ['fran']],
      ['a varde as text', { varde: '330' }, ['varde']],
      ['an unknown field', { extra: 1 }, ['extra']],
      [
        'nothing',
        { matt: undefined, fran: undefined, till: undefined, varde: undefined },
        ['fran', 'matt', 'till', 'varde'],
      ],
    ])('answers 400 for %s, and appends nothing', async (_, change, fields) => {
      const insatsId = await t.insats();
      const before = (await t.events()).length;
      const response = await t.admin
        .put(`/insatser/${insatsId}/mal/${randomUUID()}`, {
          matt: 'nya',
          fran: '2020-01-01',
          till: '2029-12-31',
          varde: 330,
          ...change,
        })
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(fields);
      expect((await t.events()).length).toBe(before);
    });

    it('takes a period of exactly 10 years (the last day before the tenth anniversary)', async () => {
      const insatsId = await t.insats();
      await t.admin
        .put(`/insatser/${insatsId}/mal/${randomUUID()}`, {
          matt: 'nya',
          fran: '2020-01-01',
          till: '2029-12-31',
          varde: 1_000_000,
        })
        .expect(200);
    });

    it('answers 400 for a malId that is not a uuid', async () => {
      const insatsId = await t.insats();
      await t.admin
        .put(`/insatser/${insatsId}/mal/mal-1`, {
          matt: 'nya',
          fran: '2020-01-01',
          till: '2020-12-31',
          varde: 3,
        })
        .expect(400);
    });

    it('removes a goal with MalBorttaget; removing it again is the domain’s 422', async () => {
      const insatsId = await t.insats();
      const malId = randomUUID();
      await t.admin
        .put(`/insatser/${insatsId}/mal/${malId}`, {
          matt: 'deltagare',
          fran: '2025-01-01',
          till: '2025-12-31',
          varde: 250,
        })
        .expect(200);
      const response = await t.admin.delete(`/insatser/${insatsId}/mal/${malId}`).expect(200);
      expect(response.body).toEqual({ id: insatsId, revision: 2, position: expect.any(Number) });
      expect(await lastEvent()).toEqual({
        type: 'MalBorttaget',
        streamId: `insats-${insatsId}`,
        data: { malId },
      });
      expect((await t.admin.get(`/insatser/${insatsId}/mal`).expect(200)).body.mal).toEqual([]);

      const again = await t.admin.delete(`/insatser/${insatsId}/mal/${malId}`).expect(422);
      expect(again.body).toMatchObject({
        message: 'Målet finns inte',
        details: { code: 'MAL.FINNS_INTE', malId },
      });
    });

    it('answers 404 for an insats that does not exist', async () => {
      await t.admin.get(`/insatser/${randomUUID()}/mal`).expect(404);
      await t.admin
        .put(`/insatser/${randomUUID()}/mal/${randomUUID()}`, {
          matt: 'nya',
          fran: '2020-01-01',
          till: '2020-12-31',
          varde: 3,
        })
        .expect(404);
    });

    it('honours If-Match and Idempotency-Key', async () => {
      const insatsId = await t.insats();
      const malId = randomUUID();
      const body = { matt: 'nya', fran: '2025-01-01', till: '2025-12-31', varde: 12 };
      await t.admin
        .put(`/insatser/${insatsId}/mal/${malId}`, body)
        .set('If-Match', '"5"')
        .expect(412);
      const first = await t.admin
        .put(`/insatser/${insatsId}/mal/${malId}`, body)
        .set('If-Match', '"0"')
        .set('Idempotency-Key', 'mal-1')
        .expect(200);
      const before = (await t.events()).length;
      const retry = await t.admin
        .put(`/insatser/${insatsId}/mal/${malId}`, body)
        .set('If-Match', '"0"')
        .set('Idempotency-Key', 'mal-1')
        .expect(200);
      expect(retry.body).toEqual(first.body);
      expect((await t.events()).length).toBe(before);
    });
  });

  describe('an insats’s economy', () => {
    it('stores the parts given and merges them per year (Ungdomsteamet i Haninge 2020)', async () => {
      const insatsId = await t.insats({ namn: 'Ungdomsteamet i Haninge' });
      await t.admin.put(`/insatser/${insatsId}/ekonomi/2020`, { kostnad: 1_693_787 }).expect(200);
      expect(await lastEvent()).toEqual({
        type: 'EkonomiSatt',
        streamId: `insats-${insatsId}`,
        data: { ar: 2020, kostnad: 1_693_787 },
      });
      await t.admin.put(`/insatser/${insatsId}/ekonomi/2020`, { budget: 1_800_000 }).expect(200);
      expect((await lastEvent()).data).toEqual({ ar: 2020, budget: 1_800_000 });
      await t.admin
        .put(`/insatser/${insatsId}/ekonomi/2019`, { budget: 0, kostnad: 1_000_000_000 })
        .expect(200);
      expect((await lastEvent()).data).toEqual({ ar: 2019, budget: 0, kostnad: 1_000_000_000 });

      const read = await kansli.get(`/insatser/${insatsId}/mal`).expect(200);
      expect(read.body.ekonomi).toEqual([
        { ar: 2019, budget: 0, kostnad: 1_000_000_000 },
        { ar: 2020, budget: 1_800_000, kostnad: 1_693_787 },
      ]);
    });

    it('answers 422 for neither budget nor kostnad', async () => {
      const insatsId = await t.insats();
      const response = await t.admin.put(`/insatser/${insatsId}/ekonomi/2020`, {}).expect(422);
      expect(response.body.details).toMatchObject({ code: 'INSATS.EKONOMI_SAKNAS' });
    });

    it.each([
      ['kronor above 1,000,000,000', '2020', { budget: 1_000_000_001 }, ['budget']],
      ['negative kronor', '2020', { kostnad: -1 }, ['kostnad']],
      ['öre', '2020', { kostnad: 10.5 }, ['kostnad']],
      ['null', '2020', { budget: null }, ['budget']],
      ['a year before 2000', '1999', { budget: 1 }, ['ar']],
      ['a year after 2100', '2101', { budget: 1 }, ['ar']],
      ['a year that is not a number', '20x0', { budget: 1 }, ['ar']],
    ])('answers 400 for %s, and appends nothing', async (_, ar, body, fields) => {
      const insatsId = await t.insats();
      const before = (await t.events()).length;
      const response = await t.admin.put(`/insatser/${insatsId}/ekonomi/${ar}`, body).expect(400);
      expect(fieldsOf(response.body)).toEqual(fields);
      expect((await t.events()).length).toBe(before);
    });
  });

  describe('goals of the förbund and of its grupper', () => {
    const mal = { matt: 'nya', fran: '2020-01-01', till: '2020-12-31', varde: 315 };

    it('stores the förbund’s goal on its own stream with grupp null', async () => {
      const malId = randomUUID();
      const response = await t.admin.put(`/forbund/mal/${malId}`, mal).expect(200);
      const forbundId = response.body.id as string;
      expect(await lastEvent()).toEqual({
        type: 'MalSatt',
        streamId: `forbund-${forbundId}`,
        data: { malId, grupp: null, ...mal },
      });
      const list = await kansli.get('/forbund/mal').expect(200);
      expect(list.body).toContainEqual({ malId, grupp: null, ...mal });
      // The insats read model passes over the förbund's MalSatt (same type name, other stream).
      const insatser = await t.admin.get('/insatser').expect(200);
      expect(insatser.headers['x-lasmodell-forsenad']).toBeUndefined();
      await t.admin.delete(`/forbund/mal/${malId}`).expect(200);
      expect(await lastEvent()).toEqual({
        type: 'MalBorttaget',
        streamId: `forbund-${forbundId}`,
        data: { malId },
      });
    });

    it('answers 404 for a grupp that none of the förbund’s insatser has, and appends nothing', async () => {
      const before = (await t.events()).length;
      const response = await t.admin
        .put(`/grupper/${encodeURIComponent('Ingen sådan grupp')}/mal/${randomUUID()}`, mal)
        .expect(404);
      expect(response.body.message).toBe(
        'Ingen av förbundets insatser hör till gruppen Ingen sådan grupp',
      );
      expect((await t.events()).length).toBe(before);
    });

    it('stores the youth teams’ shared goal as one grupp goal, listed after the förbund’s', async () => {
      const grupp = 'Unga vuxna-teamen';
      for (const namn of ['Ungdomsteamet i Haninge', 'Ungdomsteamet i Nynäshamn']) {
        await iGrupp(await t.insats({ namn }), grupp);
      }
      const [nya, andel, helaForbundet] = [randomUUID(), randomUUID(), randomUUID()];
      const path = `/grupper/${encodeURIComponent(grupp)}/mal`;
      await t.admin.put(`${path}/${nya}`, mal).expect(200);
      expect((await lastEvent()).data).toEqual({ malId: nya, grupp, ...mal });
      const andelMal = { ...mal, matt: 'andel-arbete-studier', varde: 0.65 };
      await t.admin.put(`${path}/${andel}`, andelMal).expect(200);
      await t.admin.put(`/forbund/mal/${helaForbundet}`, mal).expect(200);

      const list = await t.admin.get('/forbund/mal').expect(200);
      expect(list.body).toEqual([
        { malId: helaForbundet, grupp: null, ...mal },
        { malId: andel, grupp, ...andelMal },
        { malId: nya, grupp, ...mal },
      ]);
    });

    it('keeps a goal in its place: no moving it by PUT, no removing it from another place', async () => {
      const grupp = 'Rätt stöd för mig';
      await iGrupp(await t.insats({ namn: 'Bron' }), grupp);
      const malId = randomUUID();
      const path = `/grupper/${encodeURIComponent(grupp)}/mal/${malId}`;
      await t.admin.put(path, mal).expect(200);

      const move = await t.admin.put(`/forbund/mal/${malId}`, mal).expect(422);
      expect(move.body.details).toEqual({ code: 'MAL.ANNAN_PLATS', malId, grupp });
      const remove = await t.admin.delete(`/forbund/mal/${malId}`).expect(422);
      expect(remove.body.details).toEqual({ code: 'MAL.FINNS_INTE', malId });

      await t.admin.delete(path).expect(200);
      expect((await lastEvent()).data).toEqual({ malId });
      const again = await t.admin.delete(path).expect(422);
      expect(again.body.details).toEqual({ code: 'MAL.FINNS_INTE', malId });
    });

    it('answers 400 for a grupp of only spaces or longer than 500 characters', async () => {
      const spaces = await t.admin.put(`/grupper/%20%20/mal/${randomUUID()}`, mal).expect(400);
      expect(fieldsOf(spaces.body)).toEqual(['grupp']);
      await t.admin.put(`/grupper/${'g'.repeat(501)}/mal/${randomUUID()}`, mal).expect(400);
      await t.admin.put(`/grupper/g/mal/inte-ett-id`, mal).expect(400);
    });

    it('checks the body as for an insats’s goal', async () => {
      const response = await t.admin
        .put(`/forbund/mal/${randomUUID()}`, { ...mal, matt: 'andel-studier', varde: 1.5 })
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(['varde']);
    });

    it('honours If-Match and Idempotency-Key on the förbund’s stream', async () => {
      const { body: before } = await t.admin.get('/forbund/mal').expect(200);
      const malId = randomUUID();
      const first = await t.admin
        .put(`/forbund/mal/${malId}`, mal)
        .set('Idempotency-Key', 'forbundsmal-1')
        .expect(200);
      const count = (await t.events()).length;
      const retry = await t.admin
        .put(`/forbund/mal/${malId}`, mal)
        .set('Idempotency-Key', 'forbundsmal-1')
        .expect(200);
      expect(retry.body).toEqual(first.body);
      expect((await t.events()).length).toBe(count);
      expect((await t.admin.get('/forbund/mal').expect(200)).body).toHaveLength(before.length + 1);

      const stale = await t.admin
        .delete(`/forbund/mal/${malId}`)
        .set('If-Match', `"${first.body.revision - 1}"`)
        .expect(412);
      expect(stale.body.details).toEqual({
        expected: first.body.revision - 1,
        actual: first.body.revision,
      });
      await t.admin
        .delete(`/forbund/mal/${malId}`)
        .set('If-Match', `"${first.body.revision}"`)
        .expect(200);
    });

    it('keeps each förbund’s goals to itself', async () => {
      await t.admin
        .post('/forbund', {
          namn: 'Annat förbund',
          admin: { email: 'a@annat.se', password: 'annat-losenord-1' },
        })
        .expect(201);
      const annan = await t.login('a@annat.se', 'annat-losenord-1');
      expect((await annan.get('/forbund/mal').expect(200)).body).toEqual([]);
      const malId = randomUUID();
      const response = await annan.put(`/forbund/mal/${malId}`, mal).expect(200);
      expect((await annan.get('/forbund/mal').expect(200)).body).toEqual([
        { malId, grupp: null, ...mal },
      ]);
      expect((await t.admin.get('/forbund/mal').expect(200)).body).not.toContainEqual(
        expect.objectContaining({ malId }),
      );
      const own = await t.admin.put(`/forbund/mal/${randomUUID()}`, mal).expect(200);
      expect(own.body.id).not.toBe(response.body.id);
      // A grupp of another förbund's insats is unknown here.
      const theirs = await t.insats({ namn: 'Deras' }, annan);
      await iGrupp(theirs, 'Deras grupp');
      await t.admin
        .put(`/grupper/${encodeURIComponent('Deras grupp')}/mal/${randomUUID()}`, mal)
        .expect(404);
    });
  });
});

/**
 * Own app: a partial ArsmalSatt stalls the statistik projection today (arsmal_fakta holds every
 * part NOT NULL), which would hold back the read models the other tests rely on.
 */
describe('årsmål with optional parts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const lastEvent = async () => (await t.events()).at(-1)!;
  const fieldsOf = (body: { details?: { field: string }[] }): string[] =>
    (body.details ?? []).map((d) => d.field).sort();

  it('stores only the part given and keeps the others (Resursrådet: 250 deltagare)', async () => {
    const insatsId = await t.insats({ namn: 'Resursrådet' });
    await t.admin.put(`/insatser/${insatsId}/arsmal/2025`, { deltagare: 250 }).expect(200);
    expect(await lastEvent()).toEqual({
      type: 'ArsmalSatt',
      streamId: `insats-${insatsId}`,
      data: { ar: 2025, deltagare: 250 },
    });
    expect((await t.admin.get(`/insatser/${insatsId}/mal`).expect(200)).body.arsmal).toEqual([
      { ar: 2025, deltagare: 250 },
    ]);

    await t.admin
      .put(`/insatser/${insatsId}/arsmal/2025`, { nyaDeltagare: 30, andelArbeteStudier: 0.4 })
      .expect(200);
    await t.admin.put(`/insatser/${insatsId}/arsmal/2025`, { deltagare: 260 }).expect(200);
    expect((await lastEvent()).data).toEqual({ ar: 2025, deltagare: 260 });
    expect((await t.admin.get(`/insatser/${insatsId}/mal`).expect(200)).body.arsmal).toEqual([
      { ar: 2025, deltagare: 260, nyaDeltagare: 30, andelArbeteStudier: 0.4 },
    ]);
  });

  it('answers 422 for no part, 400 for a part sent as null or out of range', async () => {
    const insatsId = await t.insats();
    const none = await t.admin.put(`/insatser/${insatsId}/arsmal/2025`, {}).expect(422);
    expect(none.body.details).toMatchObject({ code: 'INSATS.ARSMAL_SAKNAS' });
    const bad = await t.admin
      .put(`/insatser/${insatsId}/arsmal/2025`, {
        deltagare: null,
        nyaDeltagare: 1_000_001,
        andelArbeteStudier: 1.01,
      })
      .expect(400);
    expect(fieldsOf(bad.body)).toEqual(['andelArbeteStudier', 'deltagare', 'nyaDeltagare']);
  });

  it('shows a partial årsmål in the insats read model', async () => {
    const insatsId = await t.insats({ namn: 'Resursrådet 2' });
    await t.admin.put(`/insatser/${insatsId}/arsmal/2026`, { deltagare: 250 }).expect(200);
    const read = await t.admin.get(`/insatser/${insatsId}`).expect(200);
    expect(read.headers['x-lasmodell-forsenad']).toBeUndefined();
    expect(read.body.arsmal).toEqual([{ ar: 2026, deltagare: 250 }]);
  });
});
