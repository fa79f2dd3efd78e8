import { malFor } from './mal.js';
import type { MalRow, StatistikReport } from './report.js';
import { StatistikScenario } from './testing/statistik-scenario.js';

/*
 * Samordningsförbundet Östra Södertörn, årsredovisning 2020: the goals it publishes, with
 * populations built to its published results, in a report for 2020 (366 days).
 *
 * MIA Vidare (started 1 June 2020): 330 nya t.o.m. juni 2022, 25 % till arbete eller studier,
 * 30 % till ordinarie insats; the goal period 2020-06-01 – 2022-06-30 is 214 + 365 + 181 = 760
 * days, 214 of them gone by at 2020-12-31. Result: 134 nya, 17 % and 42 %:
 *   2 inskr 06-01 avslut 09-30 arbete, 2 inskr 07-01 avslut 12-31 studier,
 *   10 inskr 08-01 avslut 12-01 ordinarie insats, 10 inskr 09-01 avslut 10-01 sjukdom,
 *   109 inskr 10-01 and 1 inskr 12-31 still on: 134 nya, 24 avslutade, 4 (1/6 = 17 %) to
 *   arbete eller studier, 10 (10/24 = 42 %) to ordinarie insats.
 *   Outside the goal's window but inside the report's: 1 inskr and avslutad (arbete) 05-31,
 *   1 inskr 05-20 avslut 2021-02-01 (aktuell, not ny in the window); after both: 1 inskr
 *   2021-01-04.
 * SamMA: 300 nya t.o.m. april 2022, 40 %; assumed from 2020-05-01: 730 days, 245 gone by.
 *   Result 132 nya, 62 %: 31 inskr 05-01 avslut 11-15 arbete, 19 inskr 06-01 avslut 12-15
 *   annan insats, 82 inskr 09-01 still on.
 * Resursrådet: årsmål 250 deltagare and nothing else. Result 235: 200 inskr 2019-11-01 and
 *   35 inskr 2020-03-01, all still on.
 * Unga vuxna-teamen (Ungdomsteamet i Haninge, Ung i Tyresö, Ung i Nynäs): one goal for the
 *   three, 315 nya and 65 % to arbete eller studier in 2020. Result 94 + 80 + 49 = 223 nya;
 *   avslutade 2020-10-31: Haninge 41 (12 arbete, 8 studier), Tyresö 38 (24 arbete), Nynäs 18
 *   (11 studier): 55 of 97 = 56.7 %, printed 57 %.
 * The förbund as a whole: 400 avslutade from 2020-07-01 to 2021-06-30 (365 days, no longer
 *   than the report): avslutade 2020-07-01 – 2020-12-31 are MIA's 24 + SamMA's 50 + the
 *   teams' 97 = 171.
 */
describe('goals in the report, with Östra Södertörn’s own goals of 2020', () => {
  let s: StatistikScenario;
  const id: Record<string, string> = {};
  const mal: Record<string, string> = {};
  let report: StatistikReport;
  const ar2020 = { fran: '2020-01-01', till: '2020-12-31' };
  const insats = (namn: string) => report.insatser.find((i) => i.namn === namn)!;
  const UNGA = 'Unga vuxna-teamen';

  beforeAll(async () => {
    s = await StatistikScenario.start();
    for (const namn of ['MIA Vidare', 'SamMA', 'Resursrådet']) id[namn] = await s.insats(namn);
    // The three youth teams are one grupp in the report, in the förbund's order.
    for (const [ordning, namn] of ['Haninge', 'Tyresö', 'Nynäs'].entries())
      id[namn] = await s.insats(namn, 'individ', { grupp: UNGA, ordning });

    const mia = { fran: '2020-06-01', till: '2022-06-30' };
    mal.miaNya = await s.mal(id['MIA Vidare']!, { matt: 'nya', ...mia, varde: 330 });
    mal.miaAs = await s.mal(id['MIA Vidare']!, {
      matt: 'andel-arbete-studier',
      ...mia,
      varde: 0.25,
    });
    mal.miaOrd = await s.mal(id['MIA Vidare']!, {
      matt: 'andel-ordinarie-insats',
      ...mia,
      varde: 0.3,
    });
    // A goal of 2019 does not overlap the report.
    await s.mal(id['MIA Vidare']!, {
      matt: 'nya',
      fran: '2019-01-01',
      till: '2019-12-31',
      varde: 10,
    });
    const samma = { fran: '2020-05-01', till: '2022-04-30' };
    mal.sammaNya = await s.mal(id.SamMA!, { matt: 'nya', ...samma, varde: 300 });
    mal.sammaAs = await s.mal(id.SamMA!, { matt: 'andel-arbete-studier', ...samma, varde: 0.4 });
    await s.arsmalDelar(id['Resursrådet']!, 2020, { deltagare: 250 });
    await s.arsmalDelar(id['Nynäs']!, 2020, {
      deltagare: 175,
      nyaDeltagare: 90,
      andelArbeteStudier: 0.65,
    });
    mal.ungaNya = await s.forbundsmal(UNGA, { matt: 'nya', ...ar2020, varde: 315 });
    mal.ungaAs = await s.forbundsmal(UNGA, {
      matt: 'andel-arbete-studier',
      ...ar2020,
      varde: 0.65,
    });
    mal.forbund = await s.forbundsmal(null, {
      matt: 'avslutade',
      fran: '2020-07-01',
      till: '2021-06-30',
      varde: 400,
    });

    const m = id['MIA Vidare']!;
    await s.deltaganden(m, 2, '2020-06-01', { datum: '2020-09-30', avslutsorsak: 'arbete' });
    await s.deltaganden(m, 2, '2020-07-01', { datum: '2020-12-31', avslutsorsak: 'studier' });
    await s.deltaganden(m, 10, '2020-08-01', {
      datum: '2020-12-01',
      avslutsorsak: 'ordinarie-insats',
    });
    await s.deltaganden(m, 10, '2020-09-01', { datum: '2020-10-01', avslutsorsak: 'sjukdom' });
    await s.deltaganden(m, 109, '2020-10-01');
    await s.deltaganden(m, 1, '2020-12-31');
    await s.deltaganden(m, 1, '2020-05-31', { datum: '2020-05-31', avslutsorsak: 'arbete' });
    await s.deltaganden(m, 1, '2020-05-20', { datum: '2021-02-01', avslutsorsak: 'arbete' });
    await s.deltaganden(m, 1, '2021-01-04');

    await s.deltaganden(id.SamMA!, 31, '2020-05-01', {
      datum: '2020-11-15',
      avslutsorsak: 'arbete',
    });
    await s.deltaganden(id.SamMA!, 19, '2020-06-01', {
      datum: '2020-12-15',
      avslutsorsak: 'annan-insats',
    });
    await s.deltaganden(id.SamMA!, 82, '2020-09-01');

    await s.deltaganden(id['Resursrådet']!, 200, '2019-11-01');
    await s.deltaganden(id['Resursrådet']!, 35, '2020-03-01');

    const avslut = (avslutsorsak: string) => ({ datum: '2020-10-31', avslutsorsak });
    await s.deltaganden(id['Haninge']!, 12, '2020-02-01', avslut('arbete'));
    await s.deltaganden(id['Haninge']!, 8, '2020-02-01', avslut('studier'));
    await s.deltaganden(id['Haninge']!, 21, '2020-02-01', avslut('sjukdom'));
    await s.deltaganden(id['Haninge']!, 53, '2020-04-01');
    await s.deltaganden(id['Tyresö']!, 24, '2020-02-01', avslut('arbete'));
    await s.deltaganden(id['Tyresö']!, 14, '2020-02-01', avslut('flytt'));
    await s.deltaganden(id['Tyresö']!, 42, '2020-04-01');
    await s.deltaganden(id['Nynäs']!, 11, '2020-02-01', avslut('studier'));
    await s.deltaganden(id['Nynäs']!, 7, '2020-02-01', avslut('avbrott'));
    await s.deltaganden(id['Nynäs']!, 31, '2020-04-01');

    report = await s.report(ar2020);
  }, 120_000);

  afterAll(() => s.close());

  it('gives MIA Vidare’s project goals utfall over their own period, and whether it is i fas', () => {
    const mia = { fran: '2020-06-01', till: '2022-06-30' };
    expect(insats('MIA Vidare').mal).toEqual<MalRow[]>([
      // 134 × 760 = 101,840 ≥ 330 × 214 = 70,620: on course.
      {
        malId: mal.miaNya!,
        matt: 'nya',
        ...mia,
        varde: 330,
        utfall: 134,
        andelAvMal: 134 / 330,
        iFas: true,
      },
      {
        malId: mal.miaAs!,
        matt: 'andel-arbete-studier',
        ...mia,
        varde: 0.25,
        utfall: 4 / 24,
        andelAvMal: 4 / 24 / 0.25,
        iFas: false,
        underlag: { antal: 4, avslutade: 24 },
      },
      {
        malId: mal.miaOrd!,
        matt: 'andel-ordinarie-insats',
        ...mia,
        varde: 0.3,
        utfall: 10 / 24,
        andelAvMal: 10 / 24 / 0.3,
        iFas: true,
        underlag: { antal: 10, avslutade: 24 },
      },
    ]);
    // The report's own period holds the two enrolled before June: 136 nya, 25 avslutade.
    expect(insats('MIA Vidare').deltagare.nya.totalt).toBe(136);
    expect(insats('MIA Vidare').deltagare.avslutade.totalt).toBe(25);
  });

  it('gives SamMA 132 of 300 nya, i fas, and 62 % against 40 %', () => {
    const samma = { fran: '2020-05-01', till: '2022-04-30' };
    expect(insats('SamMA').mal).toEqual<MalRow[]>([
      // 132 × 730 = 96,360 ≥ 300 × 245 = 73,500.
      {
        malId: mal.sammaNya!,
        matt: 'nya',
        ...samma,
        varde: 300,
        utfall: 132,
        andelAvMal: 0.44,
        iFas: true,
      },
      {
        malId: mal.sammaAs!,
        matt: 'andel-arbete-studier',
        ...samma,
        varde: 0.4,
        utfall: 0.62,
        andelAvMal: 0.62 / 0.4,
        iFas: true,
        underlag: { antal: 31, avslutade: 50 },
      },
    ]);
  });

  it('gives Resursrådet its one årsmål, 250 deltagare, and null for the parts never set', () => {
    expect(insats('Resursrådet').mal).toEqual<MalRow[]>([
      {
        malId: 'arsmal-2020-deltagare',
        matt: 'deltagare',
        ...ar2020,
        varde: 250,
        utfall: 235,
        andelAvMal: 0.94,
      },
    ]);
    expect(insats('Resursrådet').maluppfyllelse).toEqual([
      {
        ar: 2020,
        mal: { deltagare: 250, nyaDeltagare: null, andelArbeteStudier: null },
        utfall: { aktuella: 235, nya: 35, andelArbeteStudier: null },
      },
    ]);
  });

  it('gives the three youth teams one grupp goal: 223 of 315 nya and 57 % against 65 %', async () => {
    const { aggregat, frame } = await s.aggregat(ar2020);
    const insatsIds = [id['Haninge']!, id['Tyresö']!, id['Nynäs']!];
    expect(malFor(aggregat, frame, { typ: 'grupp', grupp: UNGA, insatsIds })).toEqual<MalRow[]>([
      {
        malId: mal.ungaNya!,
        matt: 'nya',
        ...ar2020,
        varde: 315,
        utfall: 223,
        andelAvMal: 223 / 315,
      },
      {
        malId: mal.ungaAs!,
        matt: 'andel-arbete-studier',
        ...ar2020,
        varde: 0.65,
        utfall: 55 / 97,
        andelAvMal: 55 / 97 / 0.65,
        underlag: { antal: 55, avslutade: 97 },
      },
    ]);
    // The report's subtotal for the grupp carries the same goals.
    expect(report.grupper.map((grupp) => [grupp.grupp, grupp.insatsIds])).toEqual([
      [UNGA, insatsIds],
    ]);
    expect(report.grupper[0]!.mal).toEqual(
      malFor(aggregat, frame, { typ: 'grupp', grupp: UNGA, insatsIds }),
    );
    expect(report.grupper[0]!.mal.map((row) => row.utfall)).toEqual([223, 55 / 97]);
    // A team shows its own årsmål, not the grupp's goal.
    expect(insats('Nynäs').mal.map((row) => [row.malId, row.varde, row.utfall])).toEqual([
      ['arsmal-2020-deltagare', 175, 49],
      ['arsmal-2020-nya', 90, 49],
      ['arsmal-2020-andel-arbete-studier', 0.65, 11 / 18],
    ]);
  });

  it('gives the förbund its own goal over every insats, and no grupp’s', () => {
    expect(report.totalt.mal).toEqual<MalRow[]>([
      {
        malId: mal.forbund!,
        matt: 'avslutade',
        fran: '2020-07-01',
        till: '2021-06-30',
        varde: 400,
        utfall: 171,
        andelAvMal: 171 / 400,
      },
    ]);
  });

  it('counts a goal period longer than a half-year report up to the report’s till', async () => {
    const h1 = await s.report({ fran: '2020-01-01', till: '2020-06-30' });
    const samma = h1.insatser.find((i) => i.namn === 'SamMA')!;
    // Window 2020-05-01 – 2020-06-30 (61 days): 31 + 19 nya, none avslutad yet;
    // 50 × 730 = 36,500 ≥ 300 × 61 = 18,300.
    expect(samma.mal.map(({ utfall, iFas }) => ({ utfall, iFas }))).toEqual([
      { utfall: 50, iFas: true },
      { utfall: null, iFas: null },
    ]);
    // The calendar-year årsmål in a half-year report: 35 nya of Resursrådet's aktuella
    // 235; 250 × 182 / 366 = 124.3 due by 30 June.
    const rr = h1.insatser.find((i) => i.namn === 'Resursrådet')!;
    expect(rr.mal).toEqual([expect.objectContaining({ utfall: 235, iFas: true })]);
  });

  describe('as known at an earlier moment', () => {
    let mark: Date;
    let before: StatistikReport;

    beforeAll(async () => {
      before = await s.report(ar2020);
      mark = await s.now();
      await s.mal(
        id['MIA Vidare']!,
        { matt: 'nya', fran: '2020-06-01', till: '2022-06-30', varde: 400 },
        mal.miaNya,
      );
      await s.taBortMal(id['MIA Vidare']!, mal.miaOrd!);
      await s.taBortMal(null, mal.forbund!);
      // Ung i Nynäs: 90 nya in one table, 80 in another; the kansli settles on 80.
      await s.arsmalDelar(id['Nynäs']!, 2020, { nyaDeltagare: 80 });
    });

    it('shows the goals as they were then', async () => {
      const then = await s.report({ ...ar2020, asOf: mark });
      expect(then.insatser).toEqual(before.insatser);
      expect(then.totalt.mal).toEqual(before.totalt.mal);
    });

    it('shows the changed, removed and completed goals now', async () => {
      const now = await s.report(ar2020);
      const mia = now.insatser.find((i) => i.namn === 'MIA Vidare')!;
      expect(mia.mal.map((row) => [row.malId, row.varde, row.andelAvMal, row.iFas])).toEqual([
        // 134 × 760 = 101,840 ≥ 400 × 214 = 85,600.
        [mal.miaNya, 400, 134 / 400, true],
        [mal.miaAs, 0.25, 4 / 24 / 0.25, false],
      ]);
      expect(now.totalt.mal).toEqual([]);
      const nynas = now.insatser.find((i) => i.namn === 'Nynäs')!;
      expect(nynas.maluppfyllelse[0]!.mal).toEqual({
        deltagare: 175,
        nyaDeltagare: 80,
        andelArbeteStudier: 0.65,
      });
    });
  });
});
