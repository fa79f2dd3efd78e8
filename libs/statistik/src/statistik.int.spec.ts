import type { StatistikReport, StatistikTables } from './report.js';
import { kon, StatistikScenario } from './testing/statistik-scenario.js';

/*
 * One förbund, period 2025-01-01 – 2025-06-30 (a halvår). Insats Alfa holds the edge cases,
 * Beta a second deltagande of a person registered in Alfa too, Cirkel is a volym insats.
 * Every expected number below is worked out by hand from the deltaganden listed here:
 *
 *  d1  kvinna 1990  af       inskr 2024-11-15                      överförd, pågående  (30-39)
 *  d2  man    2000  fk       direkt 2025-01-01, avslut 2025-06-30  ny on fran, avslutad on till (25-29)
 *  d3  kvinna 1985  af       inskr 2024-06-01, avslut 2025-01-01   överförd, avslutad on fran (30-39)
 *  d4  man    1995  kom-arb  remiss 06-20, inskr 2025-06-30        ny on till, pågående (30-39)
 *  d5  kvinna 1970  vard     avslut 2024-12-31                     not aktuell; uppföljning 2025-06-30
 *  d6  man    1999  af       remiss 06-15, inskr 2025-07-05        väntande at period end
 *  d7  kvinna 2005  soc      remiss 03-01, återremiss 03-10        mottagen and återremitterad only
 *  d8  man    1980  af       inskr 2025-02-02, makulerad           counts nowhere
 *  d9  ej ang 1962  egen     inskr 04-11, avslut 2025-05-31 studier ny, avslutad (60-64)
 *  d10 kvinna 1998  af       inskr 2024-12-20 corrected to 2025-01-05: ny, not överförd (25-29)
 *  d11 man    1990  fk       inskr 02-01, avslut 03-01 återkallat  ny, pågående, not avslutad (30-39)
 *  d13 kvinna 1990  af       inskr 2025-03-03, person p-1          ny, pågående (30-39)
 *  Beta: d12 kvinna 1990 af direkt 2025-02-10, person p-1 (the same person as d13)
 */
describe('period statistics, worked out by hand', () => {
  let s: StatistikScenario;
  let alfa: string;
  let beta: string;
  let cirkel: string;
  const ids: Record<string, string> = {};
  let report: StatistikReport;
  let A: StatistikTables;
  let B: StatistikTables;
  let T: StatistikReport['totalt'];

  beforeAll(async () => {
    s = await StatistikScenario.start();
    alfa = await s.insats('Alfa');
    beta = await s.insats('Beta');
    cirkel = await s.insats('Cirkel', 'volym');
    await s.arsmal(alfa, 2025, 20, 15, 0.4);
    await s.volym(cirkel, '2025-03-15', 10, 5, 1);
    await s.volym(cirkel, '2024-12-01', 3, 3);

    ids.d1 = await s.remiss(alfa, '2024-11-01', 'af', { fodelsear: 1990 });
    await s.inskriv(ids.d1, '2024-11-15', ['forsorjningsstod']);
    ids.d2 = await s.remiss(alfa, '2025-01-01', 'fk', { kon: 'man', fodelsear: 2000 }, [
      'sjuk-rehabpenning',
    ]);
    await s.avsluta(ids.d2, '2025-06-30', 'arbete', ['lon']);
    ids.d3 = await s.remiss(alfa, '2024-05-20', 'af', { fodelsear: 1985, kommun: '0180' });
    await s.inskriv(ids.d3, '2024-06-01', ['a-kassa']);
    await s.avsluta(ids.d3, '2025-01-01', 'arbetssokande', ['a-kassa']);
    ids.d4 = await s.remiss(alfa, '2025-06-20', 'kommun-arbetsmarknad', {
      kon: 'man',
      fodelsear: 1995,
      kommun: '0180',
    });
    await s.inskriv(ids.d4, '2025-06-30', ['forsorjningsstod', 'lon']);
    ids.d5 = await s.remiss(alfa, '2023-12-01', 'vard', { fodelsear: 1970 });
    await s.inskriv(ids.d5, '2024-01-10', ['sjukersattning']);
    await s.avsluta(ids.d5, '2024-12-31', 'sjukersattning', ['sjukersattning']);
    await s.uppfoljning(ids.d5, '2025-06-30', 6, 'ingen');
    ids.d6 = await s.remiss(alfa, '2025-06-15', 'af', {
      kon: 'man',
      fodelsear: 1999,
      kommun: '0192',
    });
    await s.inskriv(ids.d6, '2025-07-05', ['a-kassa']);
    ids.d7 = await s.remiss(alfa, '2025-03-01', 'socialtjanst', { fodelsear: 2005 });
    await s.aterremittera(ids.d7, '2025-03-10');
    ids.d8 = await s.remiss(alfa, '2025-02-01', 'af', { kon: 'man', fodelsear: 1980 });
    await s.inskriv(ids.d8, '2025-02-02', ['a-kassa']);
    await s.makulera(ids.d8);
    ids.d9 = await s.remiss(alfa, '2025-04-01', 'egen', {
      kon: 'ej-angivet',
      fodelsear: 1962,
      kommun: '0186',
    });
    await s.inskriv(ids.d9, '2025-04-11', ['a-kassa']);
    await s.avsluta(ids.d9, '2025-05-31', 'studier', ['studiestod']);
    ids.d10 = await s.remiss(alfa, '2024-12-10', 'af', { fodelsear: 1998 });
    await s.inskriv(ids.d10, '2024-12-20', ['forsorjningsstod']);
    await s.korrigeraInskrivningsdatum(ids.d10, '2025-01-05');
    ids.d11 = await s.remiss(alfa, '2025-01-20', 'fk', {
      kon: 'man',
      fodelsear: 1990,
      kommun: '0180',
    });
    await s.inskriv(ids.d11, '2025-02-01', ['sjuk-rehabpenning']);
    await s.avsluta(ids.d11, '2025-03-01', 'annat', ['sjuk-rehabpenning']);
    await s.aterkallaAvslut(ids.d11);
    ids.d12 = await s.remiss(beta, '2025-02-10', 'af', { personId: 'p-1' }, ['forsorjningsstod']);
    ids.d13 = await s.remiss(alfa, '2025-03-01', 'af', { personId: 'p-1' });
    await s.inskriv(ids.d13, '2025-03-03', ['forsorjningsstod']);

    report = await s.report({ fran: '2025-01-01', till: '2025-06-30' });
    const byName = (namn: string) => report.insatser.find((insats) => insats.namn === namn)!;
    A = byName('Alfa');
    B = byName('Beta');
    T = report.totalt;
  });

  afterAll(() => s.close());

  it('lists the förbund’s insatser by name with the period', () => {
    expect(report.period).toEqual({ fran: '2025-01-01', till: '2025-06-30' });
    expect(report.insatser.map((i) => [i.insatsId, i.namn])).toEqual([
      [alfa, 'Alfa'],
      [beta, 'Beta'],
      [cirkel, 'Cirkel'],
    ]);
  });

  it('counts aktuella, nya, överförda, avslutade and pågående with inclusive period bounds', () => {
    expect(A.deltagare).toEqual({
      aktuella: kon(4, 3, 1), // d1 d3 d10 d13 | d2 d4 d11 | d9
      nya: kon(2, 3, 1), // d10 d13 | d2 d4 d11 | d9
      overforda: kon(2), // d1 d3
      avslutade: kon(1, 1, 1), // d3 (on fran) | d2 (on till) | d9
      pagaende: kon(3, 2), // d1 d10 d13 | d4 (inskriven on till) d11 (avslut återkallat)
    });
    expect(B.deltagare).toEqual({
      aktuella: kon(1),
      nya: kon(1),
      overforda: kon(0),
      avslutade: kon(0),
      pagaende: kon(1),
    });
    expect(T.deltagare).toEqual({
      aktuella: kon(5, 3, 1),
      nya: kon(3, 3, 1),
      overforda: kon(2),
      avslutade: kon(1, 1, 1),
      pagaende: kon(4, 2),
    });
  });

  it('counts a person in two insatser once among unika personer', () => {
    // d1 d3 d10 and p-1 (d12 + d13) | d2 d4 d11 | d9
    expect(T.unikaPersoner).toEqual(kon(4, 3, 1));
  });

  it('splits aktuella and nya by age at inskrivning in the default bands', () => {
    const band = (grupp: string) => A.aldersgrupper.find((row) => row.grupp === grupp);
    expect(A.aldersgrupper.map((row) => row.grupp)).toEqual([
      '16-19',
      '20-24',
      '25-29',
      '30-39',
      '40-49',
      '50-59',
      '60-64',
    ]);
    expect(band('25-29')).toEqual({ grupp: '25-29', aktuella: kon(1, 1), nya: kon(1, 1) }); // d10 | d2
    expect(band('30-39')).toEqual({ grupp: '30-39', aktuella: kon(3, 2), nya: kon(1, 2) }); // d1 d3 d13 | d4 d11
    expect(band('60-64')).toEqual({ grupp: '60-64', aktuella: kon(0, 0, 1), nya: kon(0, 0, 1) }); // d9
    expect(band('16-19')).toEqual({ grupp: '16-19', aktuella: kon(0), nya: kon(0) });
  });

  it('uses the caller’s own age bands', async () => {
    const own = await s.report({
      fran: '2025-01-01',
      till: '2025-06-30',
      aldersgrupper: [
        { grupp: '16-29', fran: 16, till: 29 },
        { grupp: '30-64', fran: 30, till: 64 },
      ],
    });
    expect(own.totalt.aldersgrupper).toEqual([
      { grupp: '16-29', aktuella: kon(1, 1), nya: kon(1, 1) },
      { grupp: '30-64', aktuella: kon(4, 2, 1), nya: kon(2, 2, 1) },
    ]);
  });

  it('counts remisser: mottagna, återremitterade, väntande, per remittent and kommun, and kötid', () => {
    expect(A.remisser.mottagna).toEqual(kon(2, 4, 1)); // d7 d13 | d2 d4 d6 d11 | d9 (d8 makulerad)
    expect(A.remisser.aterremitterade).toEqual(kon(1)); // d7
    expect(A.remisser.vantande).toEqual(kon(0, 1)); // d6, inskriven after the period
    expect(A.remisser.perRemittent).toEqual([
      { remittent: 'af', antal: kon(1, 1) }, // d13 | d6
      { remittent: 'fk', antal: kon(0, 2) }, // d2 d11
      { remittent: 'socialtjanst', antal: kon(1) }, // d7
      { remittent: 'kommun-arbetsmarknad', antal: kon(0, 1) }, // d4
      { remittent: 'skola', antal: kon(0) },
      { remittent: 'vard', antal: kon(0) },
      { remittent: 'egen', antal: kon(0, 0, 1) }, // d9
      { remittent: 'forbundet', antal: kon(0) },
      { remittent: 'annan', antal: kon(0) },
    ]);
    expect(A.remisser.perKommun).toEqual([
      { kommun: '0138', antal: kon(2, 1) }, // d7 d13 | d2
      { kommun: '0180', antal: kon(0, 2) }, // d4 d11
      { kommun: '0186', antal: kon(0, 0, 1) }, // d9
      { kommun: '0192', antal: kon(0, 1) }, // d6
    ]);
    // Days remiss → inskrivning of the nya: d2 0, d13 2, d4 10, d9 10, d11 12, d10 26.
    expect(A.remisser.kotidDagar).toEqual({ medel: 10, median: 10 });
    // With Beta's direct enrolment (0): 60 / 7 days, median of 0 0 2 10 10 12 26.
    expect(T.remisser.kotidDagar).toEqual({ medel: 60 / 7, median: 10 });
  });

  it('gives nya per remittent with shares of the nya', () => {
    expect(A.nyaPerRemittent).toEqual([
      { remittent: 'af', antal: 2, andel: 2 / 6 }, // d10 d13
      { remittent: 'fk', antal: 2, andel: 2 / 6 }, // d2 d11
      { remittent: 'socialtjanst', antal: 0, andel: 0 },
      { remittent: 'kommun-arbetsmarknad', antal: 1, andel: 1 / 6 }, // d4
      { remittent: 'skola', antal: 0, andel: 0 },
      { remittent: 'vard', antal: 0, andel: 0 },
      { remittent: 'egen', antal: 1, andel: 1 / 6 }, // d9
      { remittent: 'forbundet', antal: 0, andel: 0 },
      { remittent: 'annan', antal: 0, andel: 0 },
    ]);
  });

  it('gives utfall per avslutsorsak, per group and arbete eller studier among avslutade', () => {
    const orsak = (code: string) =>
      A.utfall.perAvslutsorsak.find((row) => row.avslutsorsak === code);
    expect(A.utfall.perAvslutsorsak).toHaveLength(13);
    expect(orsak('arbete')).toEqual({ avslutsorsak: 'arbete', antal: kon(0, 1), andel: 1 / 3 }); // d2
    expect(orsak('arbetssokande')).toEqual({
      avslutsorsak: 'arbetssokande',
      antal: kon(1),
      andel: 1 / 3,
    }); // d3
    expect(orsak('studier')).toEqual({
      avslutsorsak: 'studier',
      antal: kon(0, 0, 1),
      andel: 1 / 3,
    }); // d9
    expect(orsak('annat')).toEqual({ avslutsorsak: 'annat', antal: kon(0), andel: 0 }); // d11 återkallat
    expect(A.utfall.perGrupp).toEqual([
      {
        grupp: 'arbete',
        antal: kon(0, 1),
        andel: { kvinna: 0, man: 1, ejAngivet: 0, totalt: 1 / 3 },
      },
      {
        grupp: 'studier',
        antal: kon(0, 0, 1),
        andel: { kvinna: 0, man: 0, ejAngivet: 1, totalt: 1 / 3 },
      },
      {
        grupp: 'arbetssokande',
        antal: kon(1),
        andel: { kvinna: 1, man: 0, ejAngivet: 0, totalt: 1 / 3 },
      },
      { grupp: 'ovriga', antal: kon(0), andel: { kvinna: 0, man: 0, ejAngivet: 0, totalt: 0 } },
    ]);
    expect(A.utfall.arbeteEllerStudier).toEqual({
      antal: kon(0, 1, 1),
      andel: { kvinna: 0, man: 1, ejAngivet: 1, totalt: 2 / 3 },
    });
  });

  it('gives null shares, not NaN, where nobody was avslutad', () => {
    expect(B.utfall.arbeteEllerStudier).toEqual({
      antal: kon(0),
      andel: { kvinna: null, man: null, ejAngivet: null, totalt: null },
    });
    expect(B.utfall.perAvslutsorsak[0]).toEqual({
      avslutsorsak: 'arbete',
      antal: kon(0),
      andel: null,
    });
    expect(B.tidIInsatsDagar).toEqual({ medel: null, median: null });
  });

  it('gives försörjning at inskrivning and at avslut among avslutade, and the transitions', () => {
    const rad = (kod: string) => A.forsorjning.rader.find((row) => row.kod === kod);
    expect(A.forsorjning.avslutade).toEqual(kon(1, 1, 1));
    expect(A.forsorjning.rader).toHaveLength(11);
    expect(rad('sjuk-rehabpenning')).toEqual({
      kod: 'sjuk-rehabpenning',
      vidInskrivning: kon(0, 1),
      vidAvslut: kon(0),
    }); // d2
    expect(rad('a-kassa')).toEqual({
      kod: 'a-kassa',
      vidInskrivning: kon(1, 0, 1),
      vidAvslut: kon(1),
    }); // d3 | d9 in; d3 out
    expect(rad('lon')).toEqual({ kod: 'lon', vidInskrivning: kon(0), vidAvslut: kon(0, 1) }); // d2
    expect(rad('studiestod')).toEqual({
      kod: 'studiestod',
      vidInskrivning: kon(0),
      vidAvslut: kon(0, 0, 1),
    }); // d9
    expect(A.forsorjning.overgangar).toEqual([
      { fran: 'sjuk-rehabpenning', till: 'lon', antal: 1 },
      { fran: 'a-kassa', till: 'a-kassa', antal: 1 },
      { fran: 'a-kassa', till: 'studiestod', antal: 1 },
    ]);
  });

  it('gives tid i insats among avslutade: mean and median days', () => {
    // d2 180, d3 214, d9 50 days.
    expect(A.tidIInsatsDagar).toEqual({ medel: 148, median: 180 });
  });

  it('counts uppföljningar dated in the period by sysselsättning and kön', () => {
    const rows = A.uppfoljning.filter((row) => row.antal.totalt !== 0);
    expect(rows).toEqual([{ manaderEfterAvslut: 6, sysselsattning: 'ingen', antal: kon(1) }]); // d5
    expect(A.uppfoljning).toHaveLength(16);
  });

  it('sums volym registered in the period', () => {
    const C = report.insatser.find((insats) => insats.namn === 'Cirkel')!;
    expect(C.volym).toEqual(kon(10, 5, 1));
    expect(T.volym).toEqual(kon(10, 5, 1));
    expect(A.volym).toEqual(kon(0));
  });

  it('sets årsmål beside the year’s result', () => {
    expect(A.maluppfyllelse).toEqual([
      {
        ar: 2025,
        mal: { deltagare: 20, nyaDeltagare: 15, andelArbeteStudier: 0.4 },
        utfall: { aktuella: 8, nya: 6, andelArbeteStudier: 2 / 3 },
      },
    ]);
    expect(B.maluppfyllelse).toEqual([
      { ar: 2025, mal: null, utfall: { aktuella: 1, nya: 1, andelArbeteStudier: null } },
    ]);
  });

  it('filters on the insatser asked for', async () => {
    const onlyBeta = await s.report({ fran: '2025-01-01', till: '2025-06-30', insatsIds: [beta] });
    expect(onlyBeta.insatser.map((i) => i.namn)).toEqual(['Beta']);
    expect(onlyBeta.totalt.deltagare.aktuella).toEqual(kon(1));
    expect(onlyBeta.totalt.unikaPersoner).toEqual(kon(1));
  });

  it('answers an empty period with zeros and null shares', async () => {
    const empty = await s.report({ fran: '2019-01-01', till: '2019-12-31' });
    expect(empty.totalt.deltagare.aktuella).toEqual(kon(0));
    expect(empty.totalt.nyaPerRemittent.every((row) => row.antal === 0 && row.andel === null)).toBe(
      true,
    );
    expect(empty.totalt.remisser.kotidDagar).toEqual({ medel: null, median: null });
    expect(empty.totalt.remisser.perKommun).toEqual([]);
    expect(empty.totalt.forsorjning.overgangar).toEqual([]);
    expect(JSON.stringify(empty)).not.toContain('NaN');
  });

  describe('as known at an earlier moment', () => {
    let mark: Date;
    let before: StatistikReport;
    let delta: string;

    beforeAll(async () => {
      mark = await s.now();
      before = await s.report({ fran: '2025-01-01', till: '2025-06-30', asOf: mark });
      // Recorded after the mark: a makulering, a recalled avslut, a correction, a late remiss,
      // a late uppföljning, volym and a changed årsmål.
      await s.makulera(ids.d2!);
      await s.aterkallaAvslut(ids.d3!);
      await s.korrigeraInskrivningsdatum(ids.d4!, '2025-06-25');
      const late = await s.remiss(alfa, '2025-05-01', 'skola', { kon: 'man', fodelsear: 2007 });
      await s.inskriv(late, '2025-05-02', ['ingen-offentlig']);
      await s.uppfoljning(ids.d9!, '2025-06-15', 6, 'studier');
      await s.volym(cirkel, '2025-04-01', 1, 1);
      await s.arsmal(alfa, 2025, 30, 25, 0.5);
      delta = await s.insats('Delta');
    });

    it('reproduces the report as it was, although late registrations came after', async () => {
      const again = await s.report({ fran: '2025-01-01', till: '2025-06-30', asOf: mark });
      expect(again).toEqual(before);
      const { asOf: _a, ...then } = before;
      const { asOf: _b, ...now } = report;
      expect(then).toEqual(now);
      expect(before.asOf).toBe(mark.toISOString());
    });

    it('shows the late changes in the current report', async () => {
      const current = await s.report({ fran: '2025-01-01', till: '2025-06-30' });
      const alfaNow = current.insatser.find((insats) => insats.namn === 'Alfa')!;
      expect(current.insatser.map((i) => i.namn)).toEqual(['Alfa', 'Beta', 'Cirkel', 'Delta']);
      // d2 makulerad (−1 man), the late remiss (+1 man); d3 no longer avslutad.
      expect(alfaNow.deltagare.aktuella).toEqual(kon(4, 3, 1));
      expect(alfaNow.deltagare.avslutade).toEqual(kon(0, 0, 1));
      expect(alfaNow.deltagare.pagaende).toEqual(kon(4, 3));
      expect(alfaNow.maluppfyllelse[0]!.mal).toEqual({
        deltagare: 30,
        nyaDeltagare: 25,
        andelArbeteStudier: 0.5,
      });
      expect(alfaNow.uppfoljning.filter((row) => row.antal.totalt !== 0)).toHaveLength(2);
      expect(current.totalt.volym).toEqual(kon(11, 6, 1));
    });

    it('records a new version of the facts only when a fact a report reads changes', async () => {
      const id = await s.remiss(delta, '2025-03-01', 'af', {}, ['a-kassa']);
      await s.kompletteraUtbildningsniva(id);
      await s.korrigeraInskrivningsdatum(id, '2025-03-05');
      await s.kompletteraUtbildningsniva(id);
      await s.report({ fran: '2025-01-01', till: '2025-06-30' }); // catches up
      const versions = await s.dataSource.query<{ inskrivning_datum: string; open: boolean }[]>(
        `SELECT inskrivning_datum::text, recorded_to IS NULL AS open FROM deltagande_fakta
         WHERE deltagande_id = $1 ORDER BY from_position`,
        [id],
      );
      expect(versions).toEqual([
        { inskrivning_datum: '2025-03-01', open: false },
        { inskrivning_datum: '2025-03-05', open: true },
      ]);
    });
  });
});
