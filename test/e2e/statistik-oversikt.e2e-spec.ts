import {
  avslutBody,
  remissBody,
  startTestApp,
  type Caller,
  type TestApp,
} from '../support/test-app.js';

const k = (kvinna: number, man = 0, ejAngivet = 0) => ({
  kvinna,
  man,
  ejAngivet,
  totalt: kvinna + man + ejAngivet,
});
const andel = (
  kvinna: number | null,
  man: number | null,
  ejAngivet: number | null,
  totalt: number | null,
) => ({ kvinna, man, ejAngivet, totalt });
const ingen = andel(null, null, null, null);

/*
 * Bron and Steget (grupp "Rätt stöd"), Balder (no grupp), over H1 2025 compared with the six
 * months before it, H2 2024 (2024-07-01 – 2024-12-31).
 * Bron: two kvinnor inskrivna 2024-09-10, one avslutad to arbete 2025-03-31; a man inskriven
 * 2025-02-10; kostnad 2025: 60,000 kr. Steget: a man inskriven 2024-10-01, avslutad to arbete
 * 2024-12-15. Balder: nobody.
 * H1 2025: Bron 3 aktuella (2 k, 1 m), 1 ny (m), 1 avslutad (k, to arbete); Steget nothing.
 * H2 2024: Bron 2 aktuella and nya (k); Steget 1 aktuell, ny, avslutad to arbete (m).
 */
describe('the overview and comparison in GET /statistik over HTTP', () => {
  let t: TestApp;
  let kansli: Caller;
  let bron: string;
  let steget: string;
  let balder: string;

  beforeAll(async () => {
    t = await startTestApp();
    bron = await t.insats({ namn: 'Bron', grupp: 'Rätt stöd', ordning: 1 });
    steget = await t.insats({ namn: 'Steget', grupp: 'Rätt stöd', ordning: 2 });
    balder = await t.insats({ namn: 'Balder', ordning: 3 });
    kansli = await t.user('kansli');
    const personal = await t.user('personal', { insatser: [bron, steget, balder] });
    const skriv = async (
      insats: string,
      kon: string,
      inskrivning: string,
      avslut?: string,
    ): Promise<void> => {
      const { body } = await personal
        .post(
          `/insatser/${insats}/deltaganden`,
          remissBody({
            person: { kon },
            remiss: { datum: inskrivning },
            inskrivning: { datum: inskrivning },
          }),
        )
        .expect(201);
      if (avslut) {
        await personal.post(`/deltaganden/${body.id}/avslut`, avslutBody({ datum: avslut }));
      }
    };
    await skriv(bron, 'kvinna', '2024-09-10', '2025-03-31');
    await skriv(bron, 'kvinna', '2024-09-10');
    await skriv(bron, 'man', '2025-02-10');
    await skriv(steget, 'man', '2024-10-01', '2024-12-15');
    await t.admin.put(`/insatser/${bron}/ekonomi/2025`, { kostnad: 60_000 }).expect(200);
  });
  afterAll(() => t.close());

  const nu = {
    aktuella: k(2, 1),
    nya: k(0, 1),
    avslutade: k(1),
    arbeteEllerStudier: { antal: k(1), andel: andel(1, null, null, 1) },
  };
  const ekonomi = {
    budget: null,
    kostnad: 60_000,
    kostnadPerDeltagare: 20_000,
    kostnadPerNyDeltagare: 60_000,
  };
  const inget = {
    aktuella: k(0),
    nya: k(0),
    avslutade: k(0),
    arbeteEllerStudier: { antal: k(0), andel: ingen },
  };
  const grupp2024 = {
    aktuella: k(2, 1),
    nya: k(2, 1),
    avslutade: k(0, 1),
    arbeteEllerStudier: { antal: k(0, 1), andel: andel(null, 1, null, 1) },
  };

  it('lists insatser in order, the grupp after its last insats and the förbund, each with the 181 days before', async () => {
    const { body } = await kansli
      .get('/statistik?fran=2025-01-01&till=2025-06-30&jamfor=foregaende')
      .expect(200);

    expect(body.oversikt).toEqual([
      {
        typ: 'insats',
        insatsId: bron,
        grupp: 'Rätt stöd',
        namn: 'Bron',
        ...nu,
        mal: [],
        ekonomi,
        jamforelse: {
          aktuella: k(2),
          nya: k(2),
          avslutade: k(0),
          arbeteEllerStudier: { antal: k(0), andel: ingen },
        },
      },
      {
        typ: 'insats',
        insatsId: steget,
        grupp: 'Rätt stöd',
        namn: 'Steget',
        ...inget,
        mal: [],
        jamforelse: {
          aktuella: k(0, 1),
          nya: k(0, 1),
          avslutade: k(0, 1),
          arbeteEllerStudier: { antal: k(0, 1), andel: andel(null, 1, null, 1) },
        },
      },
      {
        typ: 'grupp',
        grupp: 'Rätt stöd',
        namn: 'Rätt stöd',
        ...nu,
        mal: [],
        ekonomi,
        jamforelse: grupp2024,
      },
      {
        typ: 'insats',
        insatsId: balder,
        namn: 'Balder',
        ...inget,
        mal: [],
        jamforelse: inget,
      },
      {
        typ: 'forbund',
        namn: body.forbund.namn,
        ...nu,
        mal: [],
        ekonomi,
        jamforelse: grupp2024,
      },
    ]);
    expect(body.jamforelse.typ).toBe('foregaende');
    expect(body.jamforelse.period).toEqual({ fran: '2024-07-01', till: '2024-12-31' });
    expect(body.jamforelse.oversikt.map((rad: { namn: string }) => rad.namn)).toEqual([
      'Bron',
      'Steget',
      'Rätt stöd',
      'Balder',
      body.forbund.namn,
    ]);
    expect(body.jamforelse.totalt.deltagare.aktuella).toEqual(k(2, 1));
    expect(body.jamforelse.totalt.unikaPersoner).toEqual(k(2, 1));
  });

  it('compares with the same dates a year earlier under jamfor=fjol', async () => {
    const { body } = await kansli
      .get('/statistik?fran=2025-01-01&till=2025-06-30&jamfor=fjol')
      .expect(200);

    expect(body.jamforelse.period).toEqual({ fran: '2024-01-01', till: '2024-06-30' });
    expect(body.oversikt.at(-1).jamforelse).toEqual(inget);
  });

  it('has an overview without jamforelse when no comparison is asked for', async () => {
    const { body } = await kansli.get('/statistik?fran=2025-01-01&till=2025-06-30').expect(200);

    expect(body.jamforelse).toBeUndefined();
    expect(body.oversikt[0]).toEqual({
      typ: 'insats',
      insatsId: bron,
      grupp: 'Rätt stöd',
      namn: 'Bron',
      ...nu,
      mal: [],
      ekonomi,
    });
  });

  it('suppresses the overview with skydda as its tables, in both periods', async () => {
    const { body } = await kansli
      .get('/statistik?fran=2025-01-01&till=2025-06-30&jamfor=foregaende&skydda=true')
      .expect(200);

    expect(body.oversikt[0].aktuella).toEqual(body.insatser[0].deltagare.aktuella);
    expect(body.oversikt[0].aktuella.totalt).toBe('<5');
    expect(body.oversikt[0].ekonomi.kostnadPerDeltagare).toBeNull();
    expect(body.oversikt[0].jamforelse.aktuella).toEqual(body.jamforelse.oversikt[0].aktuella);
    expect(body.jamforelse.oversikt[0].aktuella.totalt).toBe('<5');
  });

  it('refuses a comparison period before 1900 with 400', async () => {
    const { body } = await kansli
      .get('/statistik?fran=1900-01-01&till=1900-12-31&jamfor=foregaende')
      .expect(400);

    expect(JSON.stringify(body)).toContain('Jämförelseperioden 1899-01-01–1899-12-31');
  });
});
