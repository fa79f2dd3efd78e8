import {
  avslutBody,
  remissBody,
  startTestApp,
  type Caller,
  type TestApp,
} from '../support/test-app.js';

const PERIOD = 'fran=2025-01-01&till=2025-12-31';

describe('GET /statistik over HTTP', () => {
  let t: TestApp;
  let kansli: Caller;
  let personal: Caller;
  let insats: string;

  beforeAll(async () => {
    t = await startTestApp();
    insats = await t.insats({ namn: 'Balder' });
    kansli = await t.user('kansli');
    personal = await t.user('personal', { insatser: [insats] });
    const a = await personal
      .post(`/insatser/${insats}/deltaganden`, remissBody({ inskrivning: {} }))
      .expect(201);
    await personal.post(`/deltaganden/${a.body.id}/avslut`, avslutBody()).expect(200);
    await personal
      .post(
        `/insatser/${insats}/deltaganden`,
        remissBody({ person: { kon: 'man', fodelsear: 1985 } }),
      )
      .expect(201);
  });
  afterAll(() => t.close());

  it('answers the kansli with the report of its förbund, reading its own writes', async () => {
    const { body } = await kansli.get(`/statistik?${PERIOD}`).expect(200);
    expect(body.period).toEqual({ fran: '2025-01-01', till: '2025-12-31' });
    expect(body.forbund).toEqual({ id: expect.any(String), namn: 'Samordningsförbundet Test' });
    expect(body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(body.insatser.map((i: { namn: string }) => i.namn)).toEqual(['Balder']);
    expect(body.totalt.deltagare.aktuella).toEqual({ kvinna: 1, man: 0, ejAngivet: 0, totalt: 1 });
    expect(body.totalt.remisser.mottagna).toEqual({ kvinna: 1, man: 1, ejAngivet: 0, totalt: 2 });
    expect(body.totalt.remisser.vantande).toEqual({ kvinna: 0, man: 1, ejAngivet: 0, totalt: 1 });
    // inskrivning 2025-02-10, avslut 2025-06-30: 140 days.
    expect(body.totalt.tidIInsatsDagar).toEqual({ medel: 140, median: 140 });
    expect(body.totalt.utfall.arbeteEllerStudier.andel.totalt).toBe(1);
  });

  it('reproduces an earlier asOf although a later registration came after', async () => {
    const asOf = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const first = await kansli.get(`/statistik?${PERIOD}&asOf=${asOf}`).expect(200);
    await personal
      .post(`/insatser/${insats}/deltaganden`, remissBody({ inskrivning: {} }))
      .expect(201);
    const second = await kansli.get(`/statistik?${PERIOD}&asOf=${asOf}`).expect(200);
    expect(second.body).toEqual(first.body);
    expect(first.body.asOf).toBe(asOf);
    const now = await kansli.get(`/statistik?${PERIOD}`).expect(200);
    expect(now.body.totalt.deltagare.aktuella.totalt).toBe(
      first.body.totalt.deltagare.aktuella.totalt + 1,
    );
  });

  it('takes own age bands and a repeated insats filter', async () => {
    const other = await t.insats({ namn: 'Annan' });
    const { body } = await kansli
      .get(`/statistik?${PERIOD}&aldersgrupper=16-29,30-64&insats=${insats}&insats=${other}`)
      .expect(200);
    expect(body.totalt.aldersgrupper.map((row: { grupp: string }) => row.grupp)).toEqual([
      '16-29',
      '30-64',
    ]);
    expect(body.insatser.map((i: { namn: string }) => i.namn)).toEqual(['Annan', 'Balder']);
  });

  it('answers 400 for a missing or reversed period, bad bands or asOf, listing the fields', async () => {
    const missing = await kansli.get('/statistik?fran=2025-01-01').expect(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['till']);
    const reversed = await kansli.get('/statistik?fran=2025-12-31&till=2025-01-01').expect(400);
    expect(reversed.body.details).toEqual([
      { field: 'till', errors: ['till får inte vara före fran'] },
    ]);
    const bad = await kansli
      .get(`/statistik?${PERIOD}&aldersgrupper=30-20&asOf=igar&skydda=kanske`)
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'aldersgrupper',
      'asOf',
      'skydda',
    ]);
  });

  it('answers 404 for an insats of another förbund and 403 for personal', async () => {
    const norr = await t.admin
      .post('/forbund', {
        namn: 'Norr',
        admin: { email: 'n@norr.se', password: 'norr-losenord-123' },
      })
      .expect(201);
    expect(norr.body.id).toEqual(expect.any(String));
    const norrAdmin = await t.login('n@norr.se', 'norr-losenord-123');
    await norrAdmin.get(`/statistik?${PERIOD}&insats=${insats}`).expect(404);
    const own = await norrAdmin.get(`/statistik?${PERIOD}`).expect(200);
    expect(own.body.insatser).toEqual([]);
    expect(own.body.totalt.deltagare.aktuella.totalt).toBe(0);
    await personal.get(`/statistik?${PERIOD}`).expect(403);
  });
});
