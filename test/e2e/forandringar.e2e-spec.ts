import {
  avslutBody,
  inskrivningBody,
  remissBody,
  startTestApp,
  type Caller,
  type TestApp,
} from '../support/test-app.js';

const PERIOD = 'fran=2025-01-01&till=2025-12-31';

interface Handelse {
  deltagandeId: string;
  typ: string;
  datum: string | null;
  recordedAt: string;
  anvandare?: string;
}

interface Andring {
  tabell: string;
  rad: string;
  kolumn: string;
  insatsId?: string;
  grupp?: string;
  fore: unknown;
  efter: unknown;
  handelser: Handelse[];
}

describe('Recorded exports and what changed since (e2e)', () => {
  let t: TestApp;
  let kansli: Caller;
  let personal: Caller;
  let insats: string;
  const ids = {} as Record<'a' | 'b' | 'c' | 'd', string>;
  let exporterad: string;
  let personalEmail: string;

  beforeAll(async () => {
    t = await startTestApp();
    insats = await t.insats();
    kansli = await t.user('kansli');
    personal = await t.user('personal', { insatser: [insats] });
    personalEmail = (await personal.get('/auth/me').expect(200)).body.email as string;
    const registrera = async (body: object): Promise<string> =>
      (await personal.post(`/insatser/${insats}/deltaganden`, body).expect(201)).body.id as string;
    // A: inskriven 2025-03-01, avslutad 2025-06-30; its avslut date is corrected later.
    ids.a = await registrera(
      remissBody({ remiss: { datum: '2025-03-01' }, inskrivning: { datum: '2025-03-01' } }),
    );
    await personal.post(`/deltaganden/${ids.a}/avslut`, avslutBody()).expect(200);
    // B: a remiss of 2025-04-01 that is makulerad later.
    ids.b = await registrera(remissBody({ remiss: { datum: '2025-04-01' } }));
    // C: inskriven 2025-03-01, avslutad 2025-05-31; the avslut is återkallat later.
    ids.c = await registrera(
      remissBody({ remiss: { datum: '2025-03-01' }, inskrivning: { datum: '2025-03-01' } }),
    );
    await personal
      .post(`/deltaganden/${ids.c}/avslut`, avslutBody({ datum: '2025-05-31' }))
      .expect(200);
    // D: a remiss of 2025-05-01 whose inskrivning (2025-05-11) is registered late.
    ids.d = await registrera(remissBody({ remiss: { datum: '2025-05-01' } }));

    await kansli.get(`/statistik/export?${PERIOD}&format=csv`).expect(200);
    exporterad = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));

    await personal
      .post(`/deltaganden/${ids.d}/inskrivning`, inskrivningBody({ datum: '2025-05-11' }))
      .expect(200);
    await personal
      .post(`/deltaganden/${ids.a}/korrigering`, {
        typ: 'avslut',
        orsak: 'Fel datum',
        datum: '2025-08-31',
      })
      .expect(200);
    await personal.post(`/deltaganden/${ids.b}/makulering`, { orsak: 'Dubblett' }).expect(200);
    await personal
      .post(`/deltaganden/${ids.c}/aterkalla-avslut`, { orsak: 'Avslutad av misstag' })
      .expect(200);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists every export newest first, with the moment it was made as of and whether it has changed since', async () => {
    const { body } = await t.admin.get('/rapporter').expect(200);
    expect(body.nextCursor).toBeNull();
    expect(body.items).toHaveLength(1);
    const [rapport] = body.items;
    expect(rapport).toMatchObject({
      period: { fran: '2025-01-01', till: '2025-12-31' },
      format: 'csv',
      skydda: false,
      andradSedan: true,
    });
    expect(rapport.av.email).toMatch(/^kansli\d+@forbundet\.se$/);
    expect(rapport.asOf < exporterad).toBe(true);
    expect(rapport.skapad < exporterad).toBe(true);
    // kansli sees the list without e-mail addresses; personal not at all.
    const forKansli = await kansli.get('/rapporter').expect(200);
    expect(forKansli.body.items[0].av).toEqual({ id: rapport.av.id });
    await personal.get('/rapporter').expect(403);
  });

  it('an export made now is unchanged since', async () => {
    await kansli.get(`/statistik/export?${PERIOD}&format=xlsx&skydda=true`).expect(200);
    const { body } = await kansli.get('/rapporter?limit=1').expect(200);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ format: 'xlsx', skydda: true, andradSedan: false });
    expect(body.nextCursor).not.toBeNull();
    const next = await kansli.get(`/rapporter?limit=1&cursor=${body.nextCursor}`).expect(200);
    expect(next.body.items[0]).toMatchObject({ format: 'csv', andradSedan: true });
    expect(next.body.nextCursor).toBeNull();
  });

  it('explains the moved cells by exactly the four late events', async () => {
    const { body } = await t.admin
      .get(`/statistik/forandringar?${PERIOD}&fore=${exporterad}`)
      .expect(200);
    const namn: Record<string, string> = {
      [ids.a]: 'korrigering A',
      [ids.b]: 'makulering B',
      [ids.c]: 'återkallat C',
      [ids.d]: 'inskrivning D',
    };
    const rader = (scope: (a: Andring) => boolean): string[] =>
      (body.andringar as Andring[])
        .filter(scope)
        .map(
          (a) =>
            `${a.tabell} ${a.rad} ${a.kolumn}: ${String(a.fore)} → ${String(a.efter)} (${a.handelser
              .map((h) => namn[h.deltagandeId])
              .join(', ')})`,
        );
    // Before: A and C inskrivna 2025-03-01, avslutade 06-30 (121 days) and 05-31 (91 days);
    // B and D remisser of 04-01 and 05-01, waiting. All kvinna, born 1990, kommun 0138, af.
    // After: D inskriven 05-11 (kötid 10 days), A avslutad 08-31 (183 days), B makulerad, C
    // inskriven again. Kötid: (0 + 0) / 2 → (0 + 0 + 10) / 3, its median stays 0; tid i
    // insats: (121 + 91) / 2 → 183. Shares of arbete stay 1 (2 of 2 → 1 of 1), so unlisted.
    const insatsensCeller = [
      'deltagare aktuella kvinna: 2 → 3 (inskrivning D)',
      'deltagare aktuella totalt: 2 → 3 (inskrivning D)',
      'deltagare nya kvinna: 2 → 3 (inskrivning D)',
      'deltagare nya totalt: 2 → 3 (inskrivning D)',
      'deltagare avslutade kvinna: 2 → 1 (återkallat C)',
      'deltagare avslutade totalt: 2 → 1 (återkallat C)',
      'deltagare pagaende kvinna: 0 → 2 (inskrivning D, återkallat C)',
      'deltagare pagaende totalt: 0 → 2 (inskrivning D, återkallat C)',
      'aldersgrupper 30-39.aktuella kvinna: 2 → 3 (inskrivning D)',
      'aldersgrupper 30-39.aktuella totalt: 2 → 3 (inskrivning D)',
      'aldersgrupper 30-39.nya kvinna: 2 → 3 (inskrivning D)',
      'aldersgrupper 30-39.nya totalt: 2 → 3 (inskrivning D)',
      'remisser mottagna kvinna: 4 → 3 (makulering B)',
      'remisser mottagna totalt: 4 → 3 (makulering B)',
      'remisser vantande kvinna: 2 → 0 (inskrivning D, makulering B)',
      'remisser vantande totalt: 2 → 0 (inskrivning D, makulering B)',
      'remisser perRemittent.af.antal kvinna: 4 → 3 (makulering B)',
      'remisser perRemittent.af.antal totalt: 4 → 3 (makulering B)',
      'remisser perKommun.0138.antal kvinna: 4 → 3 (makulering B)',
      'remisser perKommun.0138.antal totalt: 4 → 3 (makulering B)',
      'remisser kotidDagar medel: 0 → 3.3333333333333335 (inskrivning D)',
      'nyaPerRemittent af antal: 2 → 3 (inskrivning D)',
      'utfall perAvslutsorsak.arbete.antal kvinna: 2 → 1 (återkallat C)',
      'utfall perAvslutsorsak.arbete.antal totalt: 2 → 1 (återkallat C)',
      'utfall perGrupp.arbete.antal kvinna: 2 → 1 (återkallat C)',
      'utfall perGrupp.arbete.antal totalt: 2 → 1 (återkallat C)',
      'utfall arbeteEllerStudier.antal kvinna: 2 → 1 (återkallat C)',
      'utfall arbeteEllerStudier.antal totalt: 2 → 1 (återkallat C)',
      'forsorjning avslutade kvinna: 2 → 1 (återkallat C)',
      'forsorjning avslutade totalt: 2 → 1 (återkallat C)',
      'forsorjning rader.forsorjningsstod.vidInskrivning kvinna: 2 → 1 (återkallat C)',
      'forsorjning rader.forsorjningsstod.vidInskrivning totalt: 2 → 1 (återkallat C)',
      'forsorjning rader.lon.vidAvslut kvinna: 2 → 1 (återkallat C)',
      'forsorjning rader.lon.vidAvslut totalt: 2 → 1 (återkallat C)',
      'forsorjning overgangar.forsorjningsstod lon antal: 2 → 1 (återkallat C)',
      'tidIInsatsDagar tidIInsatsDagar medel: 106 → 183 (korrigering A, återkallat C)',
      'tidIInsatsDagar tidIInsatsDagar median: 106 → 183 (korrigering A, återkallat C)',
      'maluppfyllelse 2025.utfall aktuella: 2 → 3 (inskrivning D)',
      'maluppfyllelse 2025.utfall nya: 2 → 3 (inskrivning D)',
      'kommuner 0138.remisser.mottagna kvinna: 4 → 3 (makulering B)',
      'kommuner 0138.remisser.mottagna totalt: 4 → 3 (makulering B)',
      'kommuner 0138.remisser.inskrivna kvinna: 2 → 3 (inskrivning D)',
      'kommuner 0138.remisser.inskrivna totalt: 2 → 3 (inskrivning D)',
      'kommuner 0138.aktuella kvinna: 2 → 3 (inskrivning D)',
      'kommuner 0138.aktuella totalt: 2 → 3 (inskrivning D)',
      'kommuner 0138.nya kvinna: 2 → 3 (inskrivning D)',
      'kommuner 0138.nya totalt: 2 → 3 (inskrivning D)',
      'nyaPerRemittentEnhet af – antal: 2 → 3 (inskrivning D)',
    ];
    expect(rader((a) => a.insatsId === insats)).toEqual(insatsensCeller);
    // The förbund's total holds this one insats: the same cells, and one more person.
    expect(rader((a) => a.insatsId === undefined && a.grupp === undefined)).toEqual([
      ...insatsensCeller,
      'unikaPersoner unikaPersoner kvinna: 2 → 3 (inskrivning D)',
      'unikaPersoner unikaPersoner totalt: 2 → 3 (inskrivning D)',
    ]);
    expect(body.andringar).toHaveLength(98);
    // Exactly the four events, with their business dates and who recorded them (for admin).
    const handelser = new Map<string, Handelse>();
    for (const a of body.andringar as Andring[]) {
      for (const h of a.handelser) handelser.set(`${h.deltagandeId} ${h.typ}`, h);
    }
    expect(
      [...handelser.values()]
        .sort((x, y) => (x.recordedAt < y.recordedAt ? -1 : 1))
        .map(({ deltagandeId, typ, datum, anvandare }) => [
          namn[deltagandeId],
          typ,
          datum,
          anvandare,
        ]),
    ).toEqual([
      ['inskrivning D', 'DeltagareInskriven', '2025-05-11', personalEmail],
      ['korrigering A', 'AvslutKorrigerad', '2025-08-31', personalEmail],
      ['makulering B', 'DeltagandeMakulerat', null, personalEmail],
      ['återkallat C', 'AvslutAterkallat', null, personalEmail],
    ]);
    for (const h of handelser.values()) expect(h.recordedAt > exporterad).toBe(true);
  });

  it('shows kansli the same changes without who recorded them', async () => {
    const forAdmin = await t.admin
      .get(`/statistik/forandringar?${PERIOD}&fore=${exporterad}`)
      .expect(200);
    const { body } = await kansli
      .get(`/statistik/forandringar?${PERIOD}&fore=${exporterad}&insats=${insats}`)
      .expect(200);
    const utan = (a: Andring): Andring => ({
      ...a,
      handelser: a.handelser.map(({ anvandare: _anvandare, ...h }) => h),
    });
    expect(body.andringar).toEqual(
      (forAdmin.body.andringar as Andring[]).filter((a) => a.grupp === undefined).map(utan),
    );
    expect(JSON.stringify(body)).not.toContain('@');
  });

  it('lists nothing between two moments with no registration between them', async () => {
    const { body } = await kansli
      .get(`/statistik/forandringar?${PERIOD}&fore=2020-01-01T00:00:00Z&efter=2021-01-01T00:00:00Z`)
      .expect(200);
    expect(body.andringar).toEqual([]);
  });

  it('answers 400 in Swedish for a reversed interval or a period over ten years, and 403 to personal', async () => {
    const reversed = await kansli
      .get(`/statistik/forandringar?${PERIOD}&fore=2026-01-02T00:00:00Z&efter=2026-01-01T00:00:00Z`)
      .expect(400);
    expect(reversed.body.message).toContain('fore');
    const lang = await kansli
      .get(`/statistik/forandringar?fran=2015-01-01&till=2025-12-31&fore=${exporterad}`)
      .expect(400);
    expect(lang.body.message).toBe('Perioden får vara högst 10 år');
    await kansli.get(`/statistik/forandringar?${PERIOD}`).expect(400);
    await personal.get(`/statistik/forandringar?${PERIOD}&fore=${exporterad}`).expect(403);
  });
});
