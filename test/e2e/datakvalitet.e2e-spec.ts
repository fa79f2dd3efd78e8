import { remissBody, startTestApp, type Caller, type TestApp } from '../support/test-app.js';

/** Today in Stockholm: registrations are recorded now, so their eftersläpning counts from it. */
const TODAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
const DAY_MS = 86_400_000;
/** The civil date `days` before today. */
const daysAgo = (days: number): string =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
/** The month `months` before today's, as YYYY-MM and as its first day. */
const monthAgo = (months: number): string => {
  const [year, month] = TODAY.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

const FRAN = daysAgo(600);
const PERIOD = `fran=${FRAN}&till=${TODAY}`;

describe('GET /datakvalitet (e2e): hand-worked figures', () => {
  let t: TestApp;
  let kansli: Caller;
  let p1: Caller;
  let p2: Caller;
  let insats: string;
  let volym: string;
  let p1Email: string;
  let p2Email: string;
  const d = {} as Record<'d1' | 'd2' | 'd3' | 'd4' | 'd5', string>;
  let andrad: string;

  beforeAll(async () => {
    t = await startTestApp();
    insats = await t.insats({ namn: 'Ung i Tyresö', startdatum: '2020-01-01' });
    volym = await t.insats({
      namn: 'Föreläsningar',
      matmetod: 'volym',
      inriktning: 'strukturovergripande',
      startdatum: `${monthAgo(2)}-01`,
    });
    kansli = await t.user('kansli');
    p1 = await t.user('personal', { insatser: [insats, volym] });
    p2 = await t.user('personal', { insatser: [insats] });
    p1Email = (await p1.get('/auth/me').expect(200)).body.email as string;
    p2Email = (await p2.get('/auth/me').expect(200)).body.email as string;
    const registrera = async (by: Caller, body: object): Promise<string> =>
      (await by.post(`/insatser/${insats}/deltaganden`, body).expect(201)).body.id as string;
    const inskrivning = (datum: string) => ({
      datum,
      forsorjning: ['forsorjningsstod'],
      utbildningsniva: 'gymnasial',
      tidIOffentligForsorjning: '1-2-ar',
    });
    // P2: D1 remiss 2 days ago (lag 2); D2 remiss 10 days ago, inskriven 5 days ago (lags 10, 5).
    d.d1 = await registrera(p2, remissBody({ remiss: { datum: daysAgo(2) } }));
    d.d2 = await registrera(
      p2,
      remissBody({ remiss: { datum: daysAgo(10) }, inskrivning: inskrivning(daysAgo(5)) }),
    );
    // P1: D3 remiss 40 days ago (lag 40, waiting but not 60 days); D4 remiss 90 days ago
    // (lag 90, waiting over 60 days); D5 remiss 500, inskriven 400 days ago (lags 500, 400:
    // inskriven with nothing dated in the last 12 months).
    d.d3 = await registrera(p1, remissBody({ remiss: { datum: daysAgo(40) } }));
    d.d4 = await registrera(p1, remissBody({ remiss: { datum: daysAgo(90) } }));
    d.d5 = await registrera(
      p1,
      remissBody({ remiss: { datum: daysAgo(500) }, inskrivning: inskrivning(daysAgo(400)) }),
    );
    // An export of the whole period, whose figures the volym registration below changes.
    await kansli.get(`/statistik/export?${PERIOD}&format=csv`).expect(200);
    // The volym insats ran for three months (two before this one); only this month has a
    // registration (today, lag 0).
    await p1.post(`/insatser/${volym}/volym`, { datum: TODAY, kvinnor: 3, man: 2 }).expect(201);
    // A second export made now: unchanged since.
    await kansli.get(`/statistik/export?${PERIOD}&format=xlsx`).expect(200);
    const rapporter = (await kansli.get('/rapporter').expect(200)).body.items as {
      id: string;
      format: string;
    }[];
    andrad = rapporter.find((r) => r.format === 'csv')!.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('gives the admin every figure per insats and per registering user', async () => {
    const { body } = await t.admin.get(`/datakvalitet?${PERIOD}`).expect(200);
    expect(body.fran).toBe(FRAN);
    expect(body.till).toBe(TODAY);
    expect(body.referensdatum).toBe(TODAY);
    expect(body.insatser).toHaveLength(2);
    const [forelasningar, ung] = body.insatser;
    // The individ insats: lags 2, 5, 10, 40, 90, 400, 500 (7 registrations).
    // Median: the 4th, 40. p90 (interpolated): position 0.9 × 6 = 5.4 between 400 and 500 →
    // 400 + 0.4 × 100 = 440. Over 30 days: 40, 90, 400, 500 → 4 of 7.
    expect(ung).toEqual({
      insatsId: insats,
      namn: 'Ung i Tyresö',
      matmetod: 'individ',
      efterslapning: {
        antal: 7,
        medianDagar: 40,
        p90Dagar: 440,
        antalOver30: 4,
        andelOver30: 4 / 7,
      },
      perAnvandare: [
        // P1: 40, 90, 400, 500 → median (90 + 400) / 2 = 245; p90 at 2.7 → 400 + 0.7 × 100 = 470.
        {
          anvandareId: expect.any(String),
          email: p1Email,
          antal: 4,
          medianDagar: 245,
          p90Dagar: 470,
          antalOver30: 4,
          andelOver30: 1,
        },
        // P2: 2, 5, 10 → median 5; p90 at 1.8 → 5 + 0.8 × 5 = 9; none over 30.
        {
          anvandareId: expect.any(String),
          email: p2Email,
          antal: 3,
          medianDagar: 5,
          p90Dagar: 9,
          antalOver30: 0,
          andelOver30: 0,
        },
      ].sort((a, b) => a.email.localeCompare(b.email, 'sv')),
      // D4 has waited 90 days; D3 only 40, D1 2; D2 and D5 are inskrivna.
      vantandeRemisser: { antal: 1, deltagandeIds: [d.d4] },
      // D5 inskriven 400 days ago, nothing since; D2 inskriven 5 days ago.
      inaktivaInskrivna: { antal: 1, deltagandeIds: [d.d5] },
      saknadeVolymManader: null,
      personkonflikter: { antal: 0, deltagandeIds: [] },
    });
    expect(forelasningar).toEqual({
      insatsId: volym,
      namn: 'Föreläsningar',
      matmetod: 'volym',
      efterslapning: { antal: 1, medianDagar: 0, p90Dagar: 0, antalOver30: 0, andelOver30: 0 },
      perAnvandare: [
        {
          anvandareId: expect.any(String),
          email: p1Email,
          antal: 1,
          medianDagar: 0,
          p90Dagar: 0,
          antalOver30: 0,
          andelOver30: 0,
        },
      ],
      vantandeRemisser: { antal: 0, deltagandeIds: [] },
      inaktivaInskrivna: { antal: 0, deltagandeIds: [] },
      // Started two months back; registered only this month.
      saknadeVolymManader: [monthAgo(2), monthAgo(1)],
      personkonflikter: { antal: 0, deltagandeIds: [] },
    });
    // Two exports compared; the first was made before the volym registration.
    expect(body.granskadeRapporter).toBe(2);
    expect(body.andradeRapporter).toEqual([
      {
        id: andrad,
        skapad: expect.any(String),
        fran: FRAN,
        till: TODAY,
        insatser: null,
        asOf: expect.any(String),
        format: 'csv',
        lank: `/rapporter/${andrad}/andringar`,
      },
    ]);
  });

  it('gives kansli the same figures without users', async () => {
    const { body } = await kansli.get(`/datakvalitet?${PERIOD}&insats=${insats}`).expect(200);
    expect(body.insatser).toHaveLength(1);
    expect(body.insatser[0].perAnvandare).toBeUndefined();
    expect(body.insatser[0].efterslapning).toEqual({
      antal: 7,
      medianDagar: 40,
      p90Dagar: 440,
      antalOver30: 4,
      andelOver30: 4 / 7,
    });
    expect(JSON.stringify(body)).not.toContain('@');
    expect(body.andradeRapporter.map((r: { id: string }) => r.id)).toEqual([andrad]);
  });

  it('gives personal staff their own insatser only, without users or reports', async () => {
    const { body } = await p2.get(`/datakvalitet?${PERIOD}`).expect(200);
    expect(body.insatser.map((i: { insatsId: string }) => i.insatsId)).toEqual([insats]);
    expect(body.insatser[0].perAnvandare).toBeUndefined();
    expect(body.insatser[0].vantandeRemisser).toEqual({ antal: 1, deltagandeIds: [d.d4] });
    expect(body.andradeRapporter).toBeUndefined();
    await p2.get(`/datakvalitet?${PERIOD}&insats=${volym}`).expect(403);
  });

  it('counts only registrations dated in the period, and measures waiting at till', async () => {
    // Until 60 days ago: only D4's remiss (90 days ago) and D5's (500, 400) are dated then.
    // At that reference date D4 had waited 30 days (not over 60); D5 was inskriven 340 days.
    const { body } = await t.admin
      .get(`/datakvalitet?fran=${FRAN}&till=${daysAgo(60)}&insats=${insats}`)
      .expect(200);
    expect(body.referensdatum).toBe(daysAgo(60));
    expect(body.insatser[0]).toMatchObject({
      efterslapning: { antal: 3, medianDagar: 400, p90Dagar: 480, antalOver30: 3, andelOver30: 1 },
      vantandeRemisser: { antal: 0, deltagandeIds: [] },
      inaktivaInskrivna: { antal: 0, deltagandeIds: [] },
    });
  });

  it('refuses a period over ten years, in Swedish', async () => {
    const { body } = await t.admin.get('/datakvalitet?fran=2010-01-01&till=2020-01-01').expect(400);
    expect(JSON.stringify(body)).toContain('Perioden får vara högst 10 år');
  });
});
