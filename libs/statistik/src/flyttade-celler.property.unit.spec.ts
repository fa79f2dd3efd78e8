import fc from 'fast-check';
import {
  AVSLUTSORSAK,
  daysLater,
  DEFAULT_ALDERSGRUPPER,
  FORSORJNING,
  KON,
  MALMATT,
  REMITTENT,
  SYSSELSATTNING,
  yearOf,
  type Avslutsorsak,
  type Forsorjning,
  type Kon,
  type Malmatt,
  type Sysselsattning,
} from '#domain';
import type { Aggregat, ReportFrame } from './assemble-report.js';
import {
  deltagandeAggregat,
  emptyAggregat,
  flyttadeCeller,
  flyttadeCellerGenomRapporter,
  sammanhangAv,
  type Faktaversion,
  type Uppfoljningsfakta,
} from './forandringar.js';

/*
 * forandringar charges a moved cell to a deltagande when the deltagande's own part of the
 * report, as known at fore and at efter, differs in that cell. flyttadeCeller works those
 * cells out from the part's rows; it replaced shaping both parts into whole reports and
 * comparing them (flyttadeCellerGenomRapporter), and must find exactly the same cells.
 * Property: for generated frames (periods of one or more years, insatser in grupper, goals,
 * årsmål, ekonomi) and generated parts (one or a few deltaganden's versions before and after
 * a change, counted by deltagandeAggregat), both ways find the same cells.
 */

/** 200 runs take a few seconds; KONTROLL_RUNS=3000 searches harder (passed, 2026-12-02). */
const RUNS = Number(process.env.KONTROLL_RUNS ?? 200);

const INSATSER = [
  '00000000-0000-4000-8000-000000000001',
  '00000000-0000-4000-8000-000000000002',
  '00000000-0000-4000-8000-000000000003',
];

const periodArb = fc.oneof(
  fc.constantFrom(2023, 2024).map((ar) => ({ fran: `${ar}-01-01`, till: `${ar}-12-31` })),
  fc
    .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 700 }))
    .map(([start, langd]) => {
      const fran = daysLater('2023-01-01', start);
      return { fran, till: daysLater(fran, langd) };
    }),
);

/** The frame as StatistikService makes it for a period and insatser. */
const frameAv = (
  period: { fran: string; till: string },
  insatser: ReportFrame['insatser'],
): ReportFrame => {
  const ar: number[] = [];
  for (let y = yearOf(period.fran); y <= yearOf(period.till); y++) ar.push(y);
  const ekonomiAr = ar.length > 1 && period.fran !== `${ar[0]}-01-01` ? ar[0]! : null;
  return {
    forbund: { id: 'f', namn: 'Förbundet' },
    ...period,
    asOf: '2025-06-01T00:00:00.000Z',
    insatser,
    aldersgrupper: DEFAULT_ALDERSGRUPPER,
    ar,
    arMedEgetFonster: ar.filter(
      (y) => !(period.fran === `${y}-01-01` && period.till <= `${y}-12-31`),
    ),
    ekonomiFonster: Object.fromEntries(
      ar.map((y) => [y, ar.length === 1 ? 'period' : y === ekonomiAr ? 'ekonomi' : 'ar']),
    ),
  };
};

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { freq: 2 });

const forsorjningArb = fc.option(
  fc.uniqueArray(fc.constantFrom<Forsorjning>(...FORSORJNING.slice(0, 4)), { maxLength: 2 }),
  { freq: 4 },
);

/** A version of a deltagande's facts, its dates near the period's ends. */
const versionArb = (id: string, fran: string, till: string): fc.Arbitrary<Faktaversion> =>
  fc
    .record({
      insats: fc.nat(INSATSER.length - 1),
      person: fc.constantFrom(id, id, 'person-1', 'person-2'),
      kon: fc.constantFrom<Kon>(...KON),
      fodelsear: fc.constantFrom(1960, 1980, 1995, 2000, 2004),
      kommun: fc.constantFrom('0180', '0126'),
      remittent: fc.constantFrom<string>(...REMITTENT.slice(0, 3)),
      enhet: fc.constantFrom<string | null>(null, 'Öst', ' öst ', '', 'Enhet A'),
      remiss: fc.tuple(fc.constantFrom(fran, till), fc.integer({ min: -400, max: 60 })),
      aterremiss: maybe(fc.nat(100)),
      inskrivning: maybe(fc.nat(120)),
      avslut: maybe(fc.nat(500)),
      avslutsorsak: fc.constantFrom<Avslutsorsak>(...AVSLUTSORSAK.slice(0, 7)),
      forsorjningIn: forsorjningArb,
      forsorjningUt: forsorjningArb,
    })
    .map((g) => {
      const remiss = daysLater(g.remiss[0], g.remiss[1]);
      const inskrivning = g.inskrivning === null ? null : daysLater(remiss, g.inskrivning);
      const avslut =
        inskrivning === null || g.avslut === null ? null : daysLater(inskrivning, g.avslut);
      return {
        deltagandeId: id,
        insatsId: INSATSER[g.insats]!,
        personKey: g.person,
        kon: g.kon,
        fodelsear: g.fodelsear,
        kommun: g.kommun,
        remittent: g.remittent,
        remittentEnhet: g.enhet,
        remissDatum: remiss,
        aterremissDatum:
          inskrivning === null && g.aterremiss !== null ? daysLater(remiss, g.aterremiss) : null,
        inskrivningDatum: inskrivning,
        avslutDatum: avslut,
        avslutsorsak: avslut === null ? null : g.avslutsorsak,
        forsorjningIn: inskrivning === null ? null : g.forsorjningIn,
        forsorjningUt: avslut === null ? null : g.forsorjningUt,
      };
    });

const uppfoljningArb: fc.Arbitrary<Uppfoljningsfakta> = fc.record({
  insatsId: fc.constantFrom(...INSATSER),
  manaderEfterAvslut: fc.constantFrom<6 | 12>(6, 12),
  sysselsattning: fc.constantFrom<Sysselsattning>(...SYSSELSATTNING.slice(0, 3)),
});

/** One deltagande before and after: the after version often a small change of the before. */
const andringArb = (id: string, fran: string, till: string) =>
  fc
    .record({
      fore: fc.option(versionArb(id, fran, till), { freq: 5 }),
      efter: fc.option(versionArb(id, fran, till), { freq: 5 }),
      sma: fc.constantFrom('ny', 'inskrivning', 'avslut', 'kon', 'insats', 'makulera', 'samma'),
      skift: fc.integer({ min: -40, max: 40 }),
      uppFore: fc.array(uppfoljningArb, { maxLength: 1 }),
      uppNy: fc.array(uppfoljningArb, { maxLength: 1 }),
    })
    .map(({ fore, efter, sma, skift, uppFore, uppNy }) => {
      let after: Faktaversion | null = efter;
      if (fore && sma !== 'ny') {
        const i = fore.inskrivningDatum;
        after =
          sma === 'inskrivning' && i !== null
            ? { ...fore, inskrivningDatum: daysLater(i, skift) }
            : sma === 'avslut' && fore.avslutDatum !== null
              ? { ...fore, avslutDatum: daysLater(fore.avslutDatum, Math.abs(skift)) }
              : sma === 'kon'
                ? { ...fore, kon: fore.kon === 'man' ? 'kvinna' : 'man', fodelsear: 1990 }
                : sma === 'insats'
                  ? { ...fore, insatsId: INSATSER[(INSATSER.indexOf(fore.insatsId) + 1) % 3]! }
                  : sma === 'makulera'
                    ? null
                    : fore;
      }
      return {
        fore: fore ?? undefined,
        efter: after ?? undefined,
        uppFore,
        uppEfter: [...uppFore, ...uppNy],
      };
    });

interface Forbundets {
  mal: Aggregat['mal'];
  arsmal: Aggregat['arsmal'];
  ekonomi: Aggregat['ekonomi'];
  volym: Aggregat['volym'];
}

const forbundetsArb = (fran: string, ar: readonly number[]): fc.Arbitrary<Forbundets> =>
  fc.record({
    mal: fc
      .array(
        fc.record({
          vems: fc.constantFrom<number | 'Unga' | 'Vuxna' | null>(0, 1, 2, 'Unga', 'Vuxna', null),
          matt: fc.constantFrom<Malmatt>(...MALMATT),
          start: fc.oneof(fc.constant(0), fc.integer({ min: -400, max: 300 })),
          langd: fc.integer({ min: 0, max: 900 }),
          varde: fc.constantFrom(0, 0.5, 1, 10),
        }),
        { maxLength: 4 },
      )
      .map((goals) =>
        goals.map(({ vems, matt, start, langd, varde }, index) => ({
          mal_id: `mal-${index}`,
          insats_id: typeof vems === 'number' ? INSATSER[vems]! : null,
          grupp: typeof vems === 'string' ? vems : null,
          matt,
          fran: daysLater(fran, start),
          till: daysLater(fran, start + langd),
          varde,
        })),
      ),
    arsmal: fc.uniqueArray(
      fc.record({
        insats_id: fc.constantFrom(...INSATSER),
        ar: fc.constantFrom(...ar),
        deltagare: maybe(fc.constantFrom(1, 10)),
        nya_deltagare: maybe(fc.constantFrom(1, 10)),
        andel_arbete_studier: maybe(fc.constantFrom(0.3, 1)),
      }),
      { maxLength: 3, selector: (row) => `${row.insats_id} ${row.ar}` },
    ),
    ekonomi: fc.uniqueArray(
      fc.record({
        insats_id: fc.constantFrom(...INSATSER),
        ar: fc.constantFrom(...ar),
        budget: maybe(fc.constantFrom(1000, 250_000)),
        kostnad: maybe(fc.constantFrom(999, 120_001)),
      }),
      { maxLength: 3, selector: (row) => `${row.insats_id} ${row.ar}` },
    ),
    volym: fc.array(
      fc.record({
        insats_id: fc.constantFrom(...INSATSER),
        kvinnor: fc.nat(3),
        man: fc.nat(3),
        ej_angivet: fc.nat(1),
      }),
      { maxLength: 2 },
    ),
  });

const caseArb = fc
  .record({
    period: periodArb,
    grupper: fc.tuple(
      ...INSATSER.map(() => fc.constantFrom<string | null>('Unga', 'Unga', 'Vuxna', null)),
    ),
  })
  .chain(({ period, grupper }) => {
    const insatser = INSATSER.map((id, index) => ({
      id,
      namn: `Insats ${index}`,
      grupp: grupper[index]!,
      ordning: index,
    }));
    const frame = frameAv(period, insatser);
    return fc.record({
      frame: fc.constant(frame),
      forbundets: forbundetsArb(period.fran, frame.ar),
      andringar: fc.array(
        fc.constantFrom('d1', 'd2', 'd3').chain((id) => andringArb(id, period.fran, period.till)),
        { minLength: 1, maxLength: 3 },
      ),
      helaRamen: fc.boolean(),
    });
  });

/** The rows of several parts together (a part of a few deltaganden). */
const tillsammans = (parts: readonly Aggregat[], forbundets: Forbundets): Aggregat => {
  const sum = emptyAggregat();
  for (const part of parts) {
    for (const [tabell, rows] of Object.entries(part)) {
      if (Array.isArray(rows)) (sum[tabell as keyof Aggregat] as unknown[]).push(...rows);
    }
    sum.registreradeTotalt += part.registreradeTotalt;
  }
  return { ...sum, ...forbundets };
};

describe('flyttadeCeller (property)', () => {
  it('finds the cells that comparing the two parts’ whole reports finds', () => {
    fc.assert(
      fc.property(caseArb, ({ frame, forbundets, andringar, helaRamen }) => {
        const sammanhang = sammanhangAv(frame, forbundets.mal);
        const fore = tillsammans(
          andringar.map((a) => deltagandeAggregat(a.fore, a.uppFore, sammanhang)),
          forbundets,
        );
        const efter = tillsammans(
          andringar.map((a) => deltagandeAggregat(a.efter, a.uppEfter, sammanhang)),
          forbundets,
        );
        // As forandringar shapes a part: the insatser its versions name (or all of them).
        const namnda = new Set(andringar.flatMap((a) => [a.fore?.insatsId, a.efter?.insatsId]));
        const insatser = helaRamen
          ? frame.insatser
          : frame.insatser.filter((insats) => namnda.has(insats.id));
        const ram = { ...frame, insatser };
        const nya = flyttadeCeller(fore, efter, ram).sort();
        expect(new Set(nya).size).toBe(nya.length);
        expect(nya).toEqual(flyttadeCellerGenomRapporter(fore, efter, ram).sort());
      }),
      { numRuns: RUNS },
    );
  });
});
