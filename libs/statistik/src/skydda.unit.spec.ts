import type { ByKon, MalRow, StatistikReport, StatistikTables } from './report.js';
import { kon, noll, tabeller } from './testing/report-builders.js';
import { oversiktFor } from './oversikt.js';
import { skyddaReport } from './skydda.js';

const rapport = (
  totalt: Partial<StatistikTables>,
  insatser: Partial<StatistikTables>[] = [],
): StatistikReport => {
  const report = {
    period: { fran: '2025-01-01', till: '2025-12-31' },
    asOf: '2026-01-15T08:00:00.000Z',
    forbund: { id: 'f1', namn: 'Samordningsförbundet Test' },
    insatser: insatser.map((tables, i) => ({
      insatsId: `i${i + 1}`,
      namn: `Insats ${i + 1}`,
      grupp: null,
      ordning: null,
      ...tabeller(tables),
    })),
    grupper: [],
    totalt: { ...tabeller(totalt), unikaPersoner: noll() },
  };
  return { ...report, oversikt: oversiktFor(report) };
};

/** Deltagare tables consistent with `nya` and `avslutade` (everyone new, nobody still on). */
const deltagare = (nya: ByKon<number>, avslutade: ByKon<number> = nya) => ({
  aktuella: nya,
  nya,
  overforda: noll(),
  avslutade,
  pagaende: kon(
    nya.kvinna - avslutade.kvinna,
    nya.man - avslutade.man,
    nya.ejAngivet - avslutade.ejAngivet,
  ),
});

describe('skyddaReport', () => {
  it('suppresses a lone 3 in a kön row and the smallest other non-zero cell of the row', () => {
    const skyddad = skyddaReport(rapport({ volym: kon(3, 10, 7) }));

    expect(skyddad.totalt.volym).toEqual({ kvinna: '<5', man: 10, ejAngivet: '..', totalt: 20 });
  });

  it('never suppresses a zero, neither first nor as the second cell', () => {
    const skyddad = skyddaReport(
      rapport({
        volym: kon(3, 0, 0),
        remisser: { ...tabeller().remisser, vantande: kon(2, 0, 9) },
      }),
    );

    expect(skyddad.totalt.volym).toEqual({ kvinna: '<5', man: 0, ejAngivet: 0, totalt: '<5' });
    expect(skyddad.totalt.remisser.vantande).toEqual({
      kvinna: '<5',
      man: 0,
      ejAngivet: '..',
      totalt: 11,
    });
  });

  it('leaves a report whose counts are 0 or 5 and more exactly as it was', () => {
    const report = rapport({
      deltagare: deltagare(kon(5, 12), kon(5, 6)),
      volym: kon(0, 6, 0),
      nyaPerRemittent: [{ remittent: 'af', antal: 17, andel: 1 }],
      tidIInsatsDagar: { medel: 40.5, median: 38 },
    });

    expect(skyddaReport(report)).toEqual(report);
  });

  it('suppresses a second cell in a column whose total is shown, and nulls their shares', () => {
    const skyddad = skyddaReport(
      rapport({
        deltagare: deltagare(kon(12, 8)),
        nyaPerRemittent: [
          { remittent: 'af', antal: 3, andel: 0.15 },
          { remittent: 'fk', antal: 10, andel: 0.5 },
          { remittent: 'egen', antal: 7, andel: 0.35 },
        ],
      }),
    );

    expect(skyddad.totalt.nyaPerRemittent).toEqual([
      { remittent: 'af', antal: '<5', andel: null },
      { remittent: 'fk', antal: 10, andel: 0.5 },
      { remittent: 'egen', antal: '..', andel: null },
    ]);
    expect(skyddad.totalt.deltagare.nya).toEqual({ kvinna: 12, man: 8, ejAngivet: 0, totalt: 20 });
  });

  it('repeats until a secondary suppression in a row has its own partner in its column', () => {
    // af: the 3 takes man 10 along in its row; man 10 is then alone in the man column, so
    // fk's man 20 goes too. The kvinna column already took fk's 5 for the 3.
    const skyddad = skyddaReport(
      rapport({
        remisser: {
          ...tabeller().remisser,
          mottagna: kon(8, 30),
          perRemittent: [
            { remittent: 'af', antal: kon(3, 10) },
            { remittent: 'fk', antal: kon(5, 20) },
          ],
        },
      }),
    );

    expect(skyddad.totalt.remisser.perRemittent).toEqual([
      { remittent: 'af', antal: { kvinna: '<5', man: '..', ejAngivet: 0, totalt: 13 } },
      { remittent: 'fk', antal: { kvinna: '..', man: '..', ejAngivet: 0, totalt: 25 } },
    ]);
    expect(skyddad.totalt.remisser.mottagna).toEqual({
      kvinna: 8,
      man: 30,
      ejAngivet: 0,
      totalt: 38,
    });
  });

  it("suppresses a second insats's cell when one insats's cell and the förbund's total are shown", () => {
    // Kvinnor: 3 + 8 = 11 would give the 3 away, so insats 2's 8 goes, and then its man 12.
    const skyddad = skyddaReport(
      rapport({ volym: kon(11, 22) }, [{ volym: kon(3, 10) }, { volym: kon(8, 12) }]),
    );

    expect(skyddad.insatser.map((insats) => insats.volym)).toEqual([
      { kvinna: '<5', man: '..', ejAngivet: 0, totalt: 13 },
      { kvinna: '..', man: '..', ejAngivet: 0, totalt: 20 },
    ]);
    expect(skyddad.totalt.volym).toEqual({ kvinna: 11, man: 22, ejAngivet: 0, totalt: 33 });
  });

  it('nulls the utfall shares of suppressed counts and keeps the others, means and medians', () => {
    const skyddad = skyddaReport(
      rapport({
        deltagare: deltagare(kon(6, 10)),
        utfall: {
          perAvslutsorsak: [
            { avslutsorsak: 'arbete', antal: kon(2, 3), andel: 5 / 16 },
            { avslutsorsak: 'avbrott', antal: kon(4, 7), andel: 11 / 16 },
          ],
          perGrupp: [
            {
              grupp: 'arbete',
              antal: kon(2, 3),
              andel: { kvinna: 2 / 6, man: 3 / 10, ejAngivet: null, totalt: 5 / 16 },
            },
            {
              grupp: 'ovriga',
              antal: kon(4, 7),
              andel: { kvinna: 4 / 6, man: 7 / 10, ejAngivet: null, totalt: 11 / 16 },
            },
          ],
          arbeteEllerStudier: {
            antal: kon(2, 3),
            andel: { kvinna: 2 / 6, man: 3 / 10, ejAngivet: null, totalt: 5 / 16 },
          },
        },
        tidIInsatsDagar: { medel: 40.5, median: 38 },
      }),
    );

    const skyddadRad = (totalt: number, man: '<5' | '..') => ({
      kvinna: '<5',
      man,
      ejAngivet: 0,
      totalt,
    });
    const andelTotalt = (totalt: number) => ({ kvinna: null, man: null, ejAngivet: null, totalt });
    expect(skyddad.totalt.utfall).toEqual({
      perAvslutsorsak: [
        { avslutsorsak: 'arbete', antal: skyddadRad(5, '<5'), andel: 5 / 16 },
        { avslutsorsak: 'avbrott', antal: skyddadRad(11, '..'), andel: 11 / 16 },
      ],
      perGrupp: [
        { grupp: 'arbete', antal: skyddadRad(5, '<5'), andel: andelTotalt(5 / 16) },
        { grupp: 'ovriga', antal: skyddadRad(11, '..'), andel: andelTotalt(11 / 16) },
      ],
      arbeteEllerStudier: { antal: skyddadRad(5, '<5'), andel: andelTotalt(5 / 16) },
    });
    expect(skyddad.totalt.deltagare.avslutade).toEqual({
      kvinna: 6,
      man: 10,
      ejAngivet: 0,
      totalt: 16,
    });
    expect(skyddad.totalt.tidIInsatsDagar).toEqual({ medel: 40.5, median: 38 });
  });

  it("nulls a year's share arbete/studier when the year's aktuella are suppressed", () => {
    const mal = { deltagare: 40, nyaDeltagare: 25, andelArbeteStudier: 0.3 };
    const skyddad = skyddaReport(
      rapport({
        maluppfyllelse: [
          { ar: 2025, mal, utfall: { aktuella: 4, nya: 2, andelArbeteStudier: 0.5 } },
          { ar: 2026, mal: null, utfall: { aktuella: 12, nya: 0, andelArbeteStudier: 0.25 } },
        ],
      }),
    );

    expect(skyddad.totalt.maluppfyllelse).toEqual([
      { ar: 2025, mal, utfall: { aktuella: '<5', nya: '<5', andelArbeteStudier: null } },
      { ar: 2026, mal: null, utfall: { aktuella: 12, nya: 0, andelArbeteStudier: 0.25 } },
    ]);
  });

  it('suppresses a transition pair in a second insats when the förbund shows their sum', () => {
    const overgang = (antal: number): Partial<StatistikTables> => ({
      forsorjning: {
        ...tabeller().forsorjning,
        overgangar: [{ fran: 'a-kassa', till: 'lon', antal }],
      },
    });

    const skyddad = skyddaReport(rapport(overgang(11), [overgang(2), overgang(9)]));

    expect(skyddad.insatser.map((insats) => insats.forsorjning.overgangar)).toEqual([
      [{ fran: 'a-kassa', till: 'lon', antal: '<5' }],
      [{ fran: 'a-kassa', till: 'lon', antal: '..' }],
    ]);
    expect(skyddad.totalt.forsorjning.overgangar).toEqual([
      { fran: 'a-kassa', till: 'lon', antal: 11 },
    ]);
  });

  it('does not change its input, and protecting twice gives the same report', () => {
    const report = rapport({ volym: kon(3, 10, 7) }, [{ volym: kon(3, 10, 7) }]);
    const before = structuredClone(report);

    const skyddad = skyddaReport(report);

    expect(report).toEqual(before);
    expect(skyddaReport(skyddad)).toEqual(skyddad);
  });
  describe('the kommun table and nya per remittent and enhet', () => {
    const kommun = (kod: string, nya: ByKon<number>) => ({
      kommun: kod,
      remisser: { mottagna: nya, aterremitterade: noll(), inskrivna: nya },
      aktuella: nya,
      nya,
    });

    it('suppresses a kommun’s 3 and what would give it away in its row and its column', () => {
      // Everyone new and referred in the period: each column sums to deltagare and remisser.
      const skyddad = skyddaReport(
        rapport({
          deltagare: deltagare(kon(9, 15), noll()),
          remisser: {
            ...tabeller().remisser,
            mottagna: kon(9, 15),
            perKommun: [
              { kommun: '1441', antal: kon(3, 10) },
              { kommun: '1489', antal: kon(6, 5) },
            ],
          },
          kommuner: [kommun('1441', kon(3, 10)), kommun('1489', kon(6, 5))],
        }),
      );

      const lerum = { kvinna: '<5', man: '..', ejAngivet: 0, totalt: 13 };
      // Alingsås's 6 goes with Lerum's 3 in the kvinna column, then its 5 with the 6 in its row.
      const alingsas = { kvinna: '..', man: '..', ejAngivet: 0, totalt: 11 };
      expect(skyddad.totalt.kommuner).toEqual([
        {
          kommun: '1441',
          remisser: { mottagna: lerum, aterremitterade: kon(0), inskrivna: lerum },
          aktuella: lerum,
          nya: lerum,
        },
        {
          kommun: '1489',
          remisser: { mottagna: alingsas, aterremitterade: kon(0), inskrivna: alingsas },
          aktuella: alingsas,
          nya: alingsas,
        },
      ]);
      expect(skyddad.totalt.remisser.perKommun).toEqual([
        { kommun: '1441', antal: lerum },
        { kommun: '1489', antal: alingsas },
      ]);
      expect(skyddad.totalt.deltagare.nya).toEqual(kon(9, 15));
    });

    it('suppresses a second insats’s kommun cell when the förbund’s sum of them is shown', () => {
      const skyddad = skyddaReport(
        rapport({ deltagare: deltagare(kon(10, 12)), kommuner: [kommun('1441', kon(10, 12))] }, [
          { deltagare: deltagare(kon(3, 6)), kommuner: [kommun('1441', kon(3, 6))] },
          { deltagare: deltagare(kon(7, 6)), kommuner: [kommun('1441', kon(7, 6))] },
        ]),
      );

      expect(skyddad.insatser.map((insats) => insats.kommuner[0]!.nya)).toEqual([
        { kvinna: '<5', man: '..', ejAngivet: 0, totalt: 9 },
        { kvinna: '..', man: '..', ejAngivet: 0, totalt: 13 },
      ]);
      expect(skyddad.totalt.kommuner[0]!.nya).toEqual(kon(10, 12));
    });

    it('suppresses an enhet’s count and the other enhet that would give it away from the remittent’s nya', () => {
      const skyddad = skyddaReport(
        rapport({
          deltagare: deltagare(kon(10, 10)),
          nyaPerRemittent: [
            { remittent: 'af', antal: 12, andel: 0.6 },
            { remittent: 'fk', antal: 8, andel: 0.4 },
          ],
          nyaPerRemittentEnhet: [
            { remittent: 'af', enhet: 'af lerum', antal: 9 },
            { remittent: 'af', enhet: null, antal: 3 },
            { remittent: 'fk', enhet: 'fk alingsås', antal: 8 },
          ],
        }),
      );

      expect(skyddad.totalt.nyaPerRemittentEnhet).toEqual([
        { remittent: 'af', enhet: 'af lerum', antal: '..' },
        { remittent: 'af', enhet: null, antal: '<5' },
        { remittent: 'fk', enhet: 'fk alingsås', antal: 8 },
      ]);
      expect(skyddad.totalt.nyaPerRemittent).toEqual([
        { remittent: 'af', antal: 12, andel: 0.6 },
        { remittent: 'fk', antal: 8, andel: 0.4 },
      ]);
    });
  });
});

describe('skyddaReport with grupper and ekonomi', () => {
  /** Insatser 1 and 2 make up grupp G, insats 3 stands alone; each with its volym. */
  const medGrupp = (): StatistikReport => {
    const report = rapport({ volym: kon(39, 46) }, [
      { volym: kon(3, 10) },
      { volym: kon(30, 30) },
      { volym: kon(6, 6) },
    ]);
    report.insatser[0]!.grupp = 'G';
    report.insatser[1]!.grupp = 'G';
    report.grupper = [
      {
        grupp: 'G',
        insatsIds: ['i1', 'i2'],
        ...tabeller({ volym: kon(33, 40) }),
        unikaPersoner: noll(),
      },
    ];
    return report;
  };

  it('protects a count that its grupp’s subtotal and the other insatser would give back', () => {
    const skyddad = skyddaReport(medGrupp());

    // Insats 1's 3 kvinnor: 33 in the grupp less insats 2's 30. So insats 2's 30 goes too
    // (and its man, which its row would then give back), and insats 3's 6 for the förbund's
    // column.
    expect(skyddad.insatser.map((insats) => insats.volym)).toEqual([
      { kvinna: '<5', man: '..', ejAngivet: 0, totalt: 13 },
      { kvinna: '..', man: '..', ejAngivet: 0, totalt: 60 },
      { kvinna: '..', man: '..', ejAngivet: 0, totalt: 12 },
    ]);
    expect(skyddad.grupper[0]!.volym).toEqual(kon(33, 40));
    expect(skyddad.totalt.volym).toEqual(kon(39, 46));
  });

  it('suppresses a grupp’s own small count like an insats’s', () => {
    const report = medGrupp();
    report.grupper[0]!.unikaPersoner = kon(2, 9);

    expect(skyddaReport(report).grupper[0]!.unikaPersoner).toEqual({
      kvinna: '<5',
      man: '..',
      ejAngivet: 0,
      totalt: 11,
    });
  });

  it('drops the cost per deltagare whose count is suppressed, and keeps the kronor', () => {
    const report = rapport(
      {
        ekonomi: [
          {
            ar: 2025,
            budget: 100_000,
            kostnad: 90_000,
            aktuella: 3,
            nya: 0,
            kostnadPerDeltagare: 30_000,
            kostnadPerNyDeltagare: null,
          },
        ],
      },
      [],
    );

    expect(skyddaReport(report).totalt.ekonomi).toEqual([
      {
        ar: 2025,
        budget: 100_000,
        kostnad: 90_000,
        aktuella: '<5',
        nya: 0,
        kostnadPerDeltagare: null,
        kostnadPerNyDeltagare: null,
      },
    ]);
  });
});

describe('skyddaReport of goals', () => {
  const mal = (over: Partial<MalRow>): MalRow => ({
    malId: 'm1',
    matt: 'nya',
    fran: '2020-06-01',
    till: '2022-06-30',
    varde: 330,
    utfall: 3,
    andelAvMal: 3 / 330,
    iFas: false,
    ...over,
  });

  it('suppresses a count utfall of 1–4 with the andel av mål and i fas that give it back', () => {
    const skyddad = skyddaReport(rapport({ mal: [mal({}), mal({ malId: 'm2', utfall: 134 })] }));

    expect(skyddad.totalt.mal).toEqual([
      mal({ utfall: '<5', andelAvMal: null, iFas: null }),
      mal({ malId: 'm2', utfall: 134, andelAvMal: 3 / 330 }),
    ]);
  });

  it('drops a share whose count or avslutade is 1–4, showing those as "<5"', () => {
    const andel = {
      matt: 'andel-arbete-studier' as const,
      varde: 0.25,
      utfall: 3 / 20,
      andelAvMal: 0.6,
    };
    const skyddad = skyddaReport(
      rapport({
        mal: [
          mal({ ...andel, underlag: { antal: 3, avslutade: 20 } }),
          mal({
            ...andel,
            malId: 'm2',
            utfall: 0,
            andelAvMal: 0,
            underlag: { antal: 0, avslutade: 4 },
          }),
          mal({
            ...andel,
            malId: 'm3',
            utfall: 0.5,
            andelAvMal: 2,
            underlag: { antal: 10, avslutade: 20 },
          }),
        ],
      }),
    );

    expect(skyddad.totalt.mal).toEqual([
      mal({
        ...andel,
        utfall: null,
        andelAvMal: null,
        iFas: null,
        underlag: { antal: '<5', avslutade: 20 },
      }),
      mal({
        ...andel,
        malId: 'm2',
        utfall: null,
        andelAvMal: null,
        iFas: null,
        underlag: { antal: 0, avslutade: '<5' },
      }),
      mal({
        ...andel,
        malId: 'm3',
        utfall: 0.5,
        andelAvMal: 2,
        underlag: { antal: 10, avslutade: 20 },
      }),
    ]);
  });
});
