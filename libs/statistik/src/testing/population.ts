import fc from 'fast-check';
import {
  AVSLUTSORSAK,
  FORSORJNING,
  UTFALL_FOR_AVSLUTSORSAK,
  UTFALL_GRUPP,
  type Avslutsorsak,
  type Forsorjning,
  type Remittent,
  type Sysselsattning,
} from '#domain';
import { oversiktFor } from '../oversikt.js';
import type { Andel, ByKon, StatistikReport, StatistikTables } from '../report.js';

/**
 * A generated population for property tests: people in insatser, each with what the report
 * counts, and the report's tables computed from them, so that every sum the report states holds
 * (an insats's counts and the others' sum to the grupp's and the förbund's, a list to its total).
 */

type KonNyckel = 'kvinna' | 'man' | 'ejAngivet';

export interface Person {
  kon: KonNyckel;
  /** Nya in the period, otherwise överförda from the period before. */
  ny: boolean;
  aldersgrupp: string;
  remittent: Remittent;
  enhet: string | null;
  kommun: string;
  /** Avslutad in the period, with why and försörjning at inskrivning and avslut (one or more). */
  avslut: {
    orsak: Avslutsorsak;
    forsorjningIn: Forsorjning[];
    forsorjningUt: Forsorjning[];
    uppfoljning6: Sysselsattning;
  } | null;
}

/** A remiss that did not become a deltagande in the period. */
export interface Remiss {
  kon: KonNyckel;
  remittent: Remittent;
  kommun: string;
  status: 'aterremitterad' | 'vantande';
}

export interface InsatsPopulation {
  personer: Person[];
  remisser: Remiss[];
  volym: ByKon<number>;
  budget: number;
  kostnad: number;
}

const ALDERSGRUPPER = ['16-19', '20-24', '25-29', '30-64'];
const REMITTENTER: Remittent[] = ['af', 'fk', 'socialtjanst'];
const KOMMUNER = ['0180', '0126', '0127'];
const FORSORJNINGAR: Forsorjning[] = ['a-kassa', 'forsorjningsstod', 'lon'];
const SYSSELSATTNINGAR: Sysselsattning[] = ['arbete', 'studier', 'ingen'];
const ORSAKER: Avslutsorsak[] = ['arbete', 'studier', 'arbetssokande', 'flytt', 'avbrott'];
const AR = 2025;

/** Kön weighted so that ej angivet is rare, as in the seeds: small cells come up often. */
const konArb: fc.Arbitrary<KonNyckel> = fc.constantFrom(
  'kvinna',
  'kvinna',
  'man',
  'man',
  'ejAngivet',
);

const personArb: fc.Arbitrary<Person> = fc.record({
  kon: konArb,
  ny: fc.boolean(),
  aldersgrupp: fc.constantFrom(...ALDERSGRUPPER),
  remittent: fc.constantFrom(...REMITTENTER),
  enhet: fc.constantFrom<string | null>('enhet a', 'enhet b', null),
  kommun: fc.constantFrom(...KOMMUNER),
  avslut: fc.option(
    fc.record({
      orsak: fc.constantFrom(...ORSAKER),
      forsorjningIn: fc.constantFrom(...FORSORJNINGAR).map((kod) => [kod]),
      forsorjningUt: fc.constantFrom(...FORSORJNINGAR).map((kod) => [kod]),
      uppfoljning6: fc.constantFrom(...SYSSELSATTNINGAR),
    }),
    { freq: 2 },
  ),
});

const remissArb: fc.Arbitrary<Remiss> = fc.record({
  kon: konArb,
  remittent: fc.constantFrom(...REMITTENTER),
  kommun: fc.constantFrom(...KOMMUNER),
  status: fc.constantFrom('aterremitterad' as const, 'vantande' as const),
});

const insatsArb: fc.Arbitrary<InsatsPopulation> = fc.record({
  personer: fc.array(personArb, { maxLength: 40 }),
  remisser: fc.array(remissArb, { maxLength: 8 }),
  volym: fc.tuple(fc.nat(12), fc.nat(12), fc.nat(3)).map(([kvinna, man, ejAngivet]) => ({
    kvinna,
    man,
    ejAngivet,
    totalt: kvinna + man + ejAngivet,
  })),
  budget: fc.integer({ min: 0, max: 1_000_000 }),
  kostnad: fc.integer({ min: 0, max: 1_000_000 }),
});

const raknaPerKon = <T extends { kon: KonNyckel }>(rows: readonly T[]): ByKon<number> => {
  const antal = { kvinna: 0, man: 0, ejAngivet: 0, totalt: rows.length };
  for (const row of rows) antal[row.kon] += 1;
  return antal;
};

const andel = (antal: number, av: number): Andel => (av === 0 ? null : antal / av);
const andelPerKon = (antal: ByKon<number>, av: ByKon<number>): ByKon<Andel> => ({
  kvinna: andel(antal.kvinna, av.kvinna),
  man: andel(antal.man, av.man),
  ejAngivet: andel(antal.ejAngivet, av.ejAngivet),
  totalt: andel(antal.totalt, av.totalt),
});

/** The values of `keys` that occur among `rows`, in the order of `keys`. */
const forekommande = <K>(keys: readonly K[], rows: readonly K[]): K[] =>
  keys.filter((key) => rows.includes(key));

/** The tables of one insats, a grupp or the förbund from the people in it. */
const tabellerFor = (insatser: readonly InsatsPopulation[], malId: string): StatistikTables => {
  const personer = insatser.flatMap((insats) => insats.personer);
  const remisser = insatser.flatMap((insats) => insats.remisser);
  const nyaPersoner = personer.filter((p) => p.ny);
  const avslutade = personer.filter((p) => p.avslut !== null);
  const avslut = avslutade.map((p) => ({ kon: p.kon, ...p.avslut! }));
  // Every remiss that became a deltagare in the period is one of the nya.
  const mottagnaRader = [
    ...nyaPersoner.map((p) => ({ kon: p.kon, remittent: p.remittent, kommun: p.kommun })),
    ...remisser,
  ];
  const aterremitterade = remisser.filter((r) => r.status === 'aterremitterad');
  const aktuella = raknaPerKon(personer);
  const nya = raknaPerKon(nyaPersoner);
  const avslutadePerKon = raknaPerKon(avslutade);
  const perGrupp = UTFALL_GRUPP.map((grupp) => {
    const antal = raknaPerKon(avslut.filter((a) => UTFALL_FOR_AVSLUTSORSAK[a.orsak] === grupp));
    return { grupp, antal, andel: andelPerKon(antal, avslutadePerKon) };
  });
  const arbeteEllerStudierAntal = raknaPerKon(
    avslut.filter((a) => ['arbete', 'studier'].includes(UTFALL_FOR_AVSLUTSORSAK[a.orsak])),
  );
  const volym = insatser.reduce(
    (sum, insats) => ({
      kvinna: sum.kvinna + insats.volym.kvinna,
      man: sum.man + insats.volym.man,
      ejAngivet: sum.ejAngivet + insats.volym.ejAngivet,
      totalt: sum.totalt + insats.volym.totalt,
    }),
    { kvinna: 0, man: 0, ejAngivet: 0, totalt: 0 },
  );
  const budget = insatser.reduce((sum, insats) => sum + insats.budget, 0);
  const kostnad = insatser.reduce((sum, insats) => sum + insats.kostnad, 0);
  const perPerson = (antal: number): number | null =>
    antal === 0 ? null : Math.round(kostnad / antal);
  const arbeteEllerStudier = arbeteEllerStudierAntal.totalt;

  return {
    deltagare: {
      aktuella,
      nya,
      overforda: raknaPerKon(personer.filter((p) => !p.ny)),
      avslutade: avslutadePerKon,
      pagaende: raknaPerKon(personer.filter((p) => p.avslut === null)),
    },
    aldersgrupper: ALDERSGRUPPER.map((grupp) => ({
      grupp,
      aktuella: raknaPerKon(personer.filter((p) => p.aldersgrupp === grupp)),
      nya: raknaPerKon(nyaPersoner.filter((p) => p.aldersgrupp === grupp)),
    })),
    remisser: {
      mottagna: raknaPerKon(mottagnaRader),
      aterremitterade: raknaPerKon(aterremitterade),
      vantande: raknaPerKon(remisser.filter((r) => r.status === 'vantande')),
      perRemittent: REMITTENTER.map((remittent) => ({
        remittent,
        antal: raknaPerKon(mottagnaRader.filter((r) => r.remittent === remittent)),
      })),
      perKommun: forekommande(
        KOMMUNER,
        mottagnaRader.map((r) => r.kommun),
      ).map((kommun) => ({
        kommun,
        antal: raknaPerKon(mottagnaRader.filter((r) => r.kommun === kommun)),
      })),
      kotidDagar: { medel: nyaPersoner.length > 0 ? 12.5 : null, median: null },
    },
    nyaPerRemittent: REMITTENTER.map((remittent) => {
      const antal = nyaPersoner.filter((p) => p.remittent === remittent).length;
      return { remittent, antal, andel: andel(antal, nyaPersoner.length) };
    }),
    utfall: {
      perAvslutsorsak: forekommande(
        AVSLUTSORSAK,
        avslut.map((a) => a.orsak),
      ).map((avslutsorsak) => {
        const antal = raknaPerKon(avslut.filter((a) => a.orsak === avslutsorsak));
        return { avslutsorsak, antal, andel: andel(antal.totalt, avslutade.length) };
      }),
      perGrupp,
      arbeteEllerStudier: {
        antal: arbeteEllerStudierAntal,
        andel: andelPerKon(arbeteEllerStudierAntal, avslutadePerKon),
      },
    },
    forsorjning: {
      avslutade: avslutadePerKon,
      // The generated codes always, any other code held by someone, in the code list's order.
      rader: forekommande(FORSORJNING, [
        ...FORSORJNINGAR,
        ...avslut.flatMap((a) => [...a.forsorjningIn, ...a.forsorjningUt]),
      ]).map((kod) => ({
        kod,
        vidInskrivning: raknaPerKon(avslut.filter((a) => a.forsorjningIn.includes(kod))),
        vidAvslut: raknaPerKon(avslut.filter((a) => a.forsorjningUt.includes(kod))),
      })),
      overgangar: FORSORJNINGAR.flatMap((fran) =>
        FORSORJNINGAR.map((till) => ({
          fran,
          till,
          antal: avslut.filter(
            (a) => a.forsorjningIn.includes(fran) && a.forsorjningUt.includes(till),
          ).length,
        })),
      ).filter((rad) => rad.antal > 0),
    },
    tidIInsatsDagar: { medel: avslutade.length > 0 ? 90 : null, median: null },
    uppfoljning: SYSSELSATTNINGAR.map((sysselsattning) => ({
      manaderEfterAvslut: 6 as const,
      sysselsattning,
      antal: raknaPerKon(avslut.filter((a) => a.uppfoljning6 === sysselsattning)),
    })),
    volym,
    maluppfyllelse: [
      {
        ar: AR,
        mal: { deltagare: 30, nyaDeltagare: 15, andelArbeteStudier: 0.3 },
        utfall: {
          aktuella: aktuella.totalt,
          nya: nya.totalt,
          andelArbeteStudier: andel(arbeteEllerStudier, avslutade.length),
        },
      },
    ],
    kommuner: forekommande(
      KOMMUNER,
      [...personer, ...remisser].map((r) => r.kommun),
    ).map((kommun) => ({
      kommun,
      remisser: {
        mottagna: raknaPerKon(mottagnaRader.filter((r) => r.kommun === kommun)),
        aterremitterade: raknaPerKon(aterremitterade.filter((r) => r.kommun === kommun)),
        inskrivna: raknaPerKon(nyaPersoner.filter((p) => p.kommun === kommun)),
      },
      aktuella: raknaPerKon(personer.filter((p) => p.kommun === kommun)),
      nya: raknaPerKon(nyaPersoner.filter((p) => p.kommun === kommun)),
    })),
    nyaPerRemittentEnhet: REMITTENTER.flatMap((remittent) =>
      forekommande(
        ['enhet a', 'enhet b', null],
        nyaPersoner.filter((p) => p.remittent === remittent).map((p) => p.enhet),
      ).map((enhet) => ({
        remittent,
        enhet,
        antal: nyaPersoner.filter((p) => p.remittent === remittent && p.enhet === enhet).length,
      })),
    ),
    mal: [
      {
        malId: `${malId}-deltagare`,
        matt: 'deltagare',
        fran: `${AR}-01-01`,
        till: `${AR}-12-31`,
        varde: 30,
        utfall: aktuella.totalt,
        andelAvMal: aktuella.totalt / 30,
      },
      {
        malId: `${malId}-andel`,
        matt: 'andel-arbete-studier',
        fran: `${AR}-01-01`,
        till: `${AR}-12-31`,
        varde: 0.4,
        utfall: andel(arbeteEllerStudier, avslutade.length),
        andelAvMal: avslutade.length === 0 ? null : arbeteEllerStudier / avslutade.length / 0.4,
        underlag: { antal: arbeteEllerStudier, avslutade: avslutade.length },
      },
    ],
    ekonomi: [
      {
        ar: AR,
        budget,
        kostnad,
        aktuella: aktuella.totalt,
        nya: nya.totalt,
        kostnadPerDeltagare: perPerson(aktuella.totalt),
        kostnadPerNyDeltagare: perPerson(nya.totalt),
      },
    ],
  };
};

/** Names and a grupp for `rapportAv`; by default "Insats i" and grupp G of the first two. */
export interface RapportAvOptions {
  forbund?: string;
  period?: { fran: string; till: string };
  namn?: readonly string[];
  /** The grupp and the indexes of its insatser (standing together in the förbund's order). */
  grupp?: { namn: string; index: readonly number[] };
}

/** The report of a population of insatser, with one grupp. */
export const rapportAv = (
  insatser: readonly InsatsPopulation[],
  options: RapportAvOptions = {},
): StatistikReport => {
  const grupp = options.grupp ?? {
    namn: 'G',
    index: insatser.slice(0, 2).map((_, i) => i),
  };
  const gruppen = grupp.index.map((i) => insatser[i]!);
  const utanOversikt: Omit<StatistikReport, 'oversikt'> = {
    period: options.period ?? { fran: `${AR}-01-01`, till: `${AR}-12-31` },
    asOf: `${AR + 1}-01-15T08:00:00.000Z`,
    forbund: { id: 'f1', namn: options.forbund ?? 'F' },
    insatser: insatser.map((insats, i) => ({
      insatsId: `i${i}`,
      namn: options.namn?.[i] ?? `Insats ${i}`,
      grupp: grupp.index.includes(i) ? grupp.namn : null,
      ordning: i,
      ...tabellerFor([insats], `i${i}`),
    })),
    grupper: [
      {
        grupp: grupp.namn,
        insatsIds: grupp.index.map((i) => `i${i}`),
        ...tabellerFor(gruppen, grupp.namn),
        unikaPersoner: raknaPerKon(gruppen.flatMap((insats) => insats.personer)),
      },
    ],
    totalt: {
      ...tabellerFor(insatser, 'F'),
      unikaPersoner: raknaPerKon(insatser.flatMap((insats) => insats.personer)),
    },
  };
  return { ...utanOversikt, oversikt: oversiktFor(utanOversikt) };
};

export const populationArb: fc.Arbitrary<InsatsPopulation[]> = fc.array(insatsArb, {
  minLength: 1,
  maxLength: 5,
});

/** The unsuppressed report of a generated population. */
export const rapportArb: fc.Arbitrary<StatistikReport> = populationArb.map(rapportAv);
