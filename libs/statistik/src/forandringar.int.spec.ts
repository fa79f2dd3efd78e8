import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import {
  AVSLUTSORSAK,
  daysLater,
  FORSORJNING,
  KON,
  MALMATT,
  SYSSELSATTNING,
  type Avslutsorsak,
  type Forsorjning,
  type Kon,
  type Malmatt,
  type Sysselsattning,
} from '#domain';
import type { Aggregat } from './assemble-report.js';
import { ADDITIVA, andradeDeltaganden, delAv, delVid, sammanhangAv } from './forandringar.js';
import { StatistikScenario } from './testing/statistik-scenario.js';

/*
 * deltagandeAggregat (TypeScript) is a second implementation of the report's counting rules
 * (statistik-sql.ts): forandringar explains a moved cell by each changed deltagande's own rows.
 * For that to be right, the rows of every deltagande must add up to the report's aggregates.
 * Property: for a generated population and report period, as known at a moment between the
 * registrations and their corrections and as known after them, every additive aggregate of the
 * report's SQL equals the sum over all deltaganden of deltagandeAggregat's rows (the deltaganden
 * and their versions read as forandringar reads them: ANDRADE_SQL from the beginning of time).
 *
 * Left out, as they do not add up over deltaganden: registrerade, registreradePerGrupp and
 * registreradeTotalt (distinct registered persons: a person with two aktuella deltaganden is
 * one, and deltagandeAggregat counts each deltagande's person once); mal, volym, arsmal and
 * ekonomi (the förbund's own figures, not counted per deltagande; forandringar takes them
 * whole from the report).
 */

/** 20 runs take a few seconds; KONTROLL_RUNS=500 searches harder. */
const RUNS = Number(process.env.KONTROLL_RUNS ?? 20);

interface Period {
  fran: string;
  till: string;
}

/** One year, part of a year, or over two years (so the per-year windows apply). */
const periodArb: fc.Arbitrary<Period> = fc.oneof(
  fc.constantFrom(2023, 2024).map((ar) => ({ fran: `${ar}-01-01`, till: `${ar}-12-31` })),
  fc
    .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 160 }))
    .map(([start, langd]) => {
      const fran = daysLater('2024-01-01', start);
      return { fran, till: daysLater(fran, langd) };
    }),
  fc
    .tuple(fc.constantFrom(0, 0, 45, 181, 300), fc.integer({ min: 200, max: 700 }))
    .map(([start, langd]) => {
      const fran = daysLater('2023-01-01', start);
      const till = daysLater(fran, langd);
      return { fran, till: till < '2024-01-01' ? '2024-02-29' : till };
    }),
);

interface GenDeltagande {
  insats: number;
  kon: Kon;
  fodelsear: number;
  kommun: string;
  remittent: string;
  enhet: string | null;
  /** Index of a registered person shared within the population, or none. */
  person: number | null;
  /** Days from the period's fran (or till): near either end, the edges come up often. */
  remiss: { franTill: 'fran' | 'till'; dagar: number };
  forlopp:
    | { typ: 'vantande' }
    | { typ: 'aterremiss'; efter: number }
    | {
        typ: 'inskriven';
        efter: number;
        forsorjningIn: Forsorjning[];
        avslut: {
          efter: number;
          orsak: Avslutsorsak;
          forsorjningUt: Forsorjning[];
          uppfoljningar: { manader: 6 | 12; efter: number; sysselsattning: Sysselsattning }[];
        } | null;
      };
  /** What is registered after the first as-of moment. */
  sedan:
    | 'inget'
    | 'makulera'
    | 'korrigeraInskrivning'
    | 'korrigeraAvslut'
    | 'aterkallaAvslut'
    | 'korrigeraPerson';
  korrigering: number;
}

const forsorjningArb = fc.uniqueArray(fc.constantFrom<Forsorjning>(...FORSORJNING.slice(0, 5)), {
  minLength: 1,
  maxLength: 2,
});

const deltagandeArb = (insatser: number): fc.Arbitrary<GenDeltagande> =>
  fc.record({
    insats: fc.nat(insatser - 1),
    kon: fc.constantFrom<Kon>(...KON),
    fodelsear: fc.integer({ min: 1960, max: 2007 }),
    kommun: fc.constantFrom('0180', '0126', '0127'),
    remittent: fc.constantFrom('af', 'fk', 'socialtjanst'),
    enhet: fc.constantFrom<string | null>(null, 'Enhet A', 'Öst'),
    person: fc.option(fc.nat(2), { freq: 3 }),
    remiss: fc.record({
      franTill: fc.constantFrom('fran' as const, 'till' as const),
      dagar: fc.oneof(fc.integer({ min: -500, max: 300 }), fc.constantFrom(-1, 0, 1)),
    }),
    forlopp: fc.oneof(
      { weight: 1, arbitrary: fc.constant({ typ: 'vantande' as const }) },
      {
        weight: 1,
        arbitrary: fc.record({
          typ: fc.constant('aterremiss' as const),
          efter: fc.nat(120),
        }),
      },
      {
        weight: 5,
        arbitrary: fc.record({
          typ: fc.constant('inskriven' as const),
          efter: fc.nat(150),
          forsorjningIn: forsorjningArb,
          avslut: fc.option(
            fc.record({
              efter: fc.nat(500),
              orsak: fc.constantFrom<Avslutsorsak>(...AVSLUTSORSAK.slice(0, 6)),
              forsorjningUt: forsorjningArb,
              uppfoljningar: fc.uniqueArray(
                fc.record({
                  manader: fc.constantFrom<6 | 12>(6, 12),
                  efter: fc.integer({ min: 150, max: 400 }),
                  sysselsattning: fc.constantFrom<Sysselsattning>(...SYSSELSATTNING.slice(0, 4)),
                }),
                { maxLength: 2, selector: (u) => u.manader },
              ),
            }),
            { freq: 3 },
          ),
        }),
      },
    ),
    sedan: fc.constantFrom(
      'inget',
      'inget',
      'inget',
      'makulera',
      'korrigeraInskrivning',
      'korrigeraAvslut',
      'aterkallaAvslut',
      'korrigeraPerson',
    ),
    korrigering: fc.integer({ min: -60, max: 60 }),
  });

interface GenMal {
  /** An insats (index), a grupp's ('grupp') or the whole förbund's ('forbund'). */
  vems: number | 'grupp' | 'forbund';
  matt: Malmatt;
  /** Days from the period's fran, and the window's length. */
  start: number;
  langd: number;
}

const malArb = (insatser: number): fc.Arbitrary<GenMal> =>
  fc.record({
    vems: fc.oneof(fc.nat(insatser - 1), fc.constantFrom('grupp' as const, 'forbund' as const)),
    matt: fc.constantFrom<Malmatt>(...MALMATT),
    start: fc.oneof(fc.constant(0), fc.integer({ min: -600, max: 300 })),
    langd: fc.integer({ min: 0, max: 900 }),
  });

interface Population {
  period: Period;
  /** The report of the first insats alone, rather than of all. */
  enInsats: boolean;
  grupper: (string | null)[];
  mal: GenMal[];
  deltaganden: GenDeltagande[];
}

const populationArb: fc.Arbitrary<Population> = fc
  .array(fc.constantFrom<string | null>('Unga', null), { minLength: 1, maxLength: 3 })
  .chain((grupper) =>
    fc.record({
      period: periodArb,
      enInsats: fc.boolean(),
      grupper: fc.constant(grupper),
      mal: fc.array(malArb(grupper.length), { maxLength: 4 }),
      deltaganden: fc.array(deltagandeArb(grupper.length), { minLength: 5, maxLength: 30 }),
    }),
  );

type Rad = Record<string, unknown>;
type Additiv = keyof typeof ADDITIVA;
const JAMFORDA = (Object.keys(ADDITIVA) as Additiv[]).filter(
  (tabell) => tabell !== 'registrerade' && tabell !== 'registreradePerGrupp',
);

/**
 * Rows summed by every field but the counts, as sorted JSON lines; rows whose counts are all
 * 0 are left out (a row of zeros adds nothing to any figure, and the statements leave most out).
 */
const summerat = (rows: readonly Rad[], matt: readonly string[]): string[] => {
  const sums = new Map<string, number[]>();
  for (const rad of rows) {
    const key = JSON.stringify(
      Object.keys(rad)
        .filter((falt) => !matt.includes(falt))
        .sort()
        .map((falt) => [falt, rad[falt]]),
    );
    const sum = sums.get(key) ?? matt.map(() => 0);
    matt.forEach((m, index) => (sum[index]! += Number(rad[m])));
    sums.set(key, sum);
  }
  return [...sums]
    .filter(([, sum]) => sum.some((value) => value !== 0))
    .map(([key, sum]) => `${key} ${JSON.stringify(sum)}`)
    .sort();
};

const perTabell = (parts: readonly Aggregat[]): Record<Additiv, string[]> =>
  Object.fromEntries(
    JAMFORDA.map((tabell) => [
      tabell,
      summerat(
        parts.flatMap((part) => part[tabell] as Rad[]),
        ADDITIVA[tabell],
      ),
    ]),
  ) as Record<Additiv, string[]>;

describe('deltagandeAggregat against the report’s SQL (property)', () => {
  let base: StatistikScenario;

  beforeAll(async () => {
    base = await StatistikScenario.start();
  });
  afterAll(async () => {
    await base.close();
  });

  /** Writes the population in a förbund of its own; the moment between its two parts. */
  const skriv = async (
    pop: Population,
  ): Promise<{ s: StatistikScenario; insatser: string[]; mitt: Date }> => {
    const s = base.iForbund({ id: randomUUID(), namn: 'Samordningsförbundet Egenskap' });
    const { fran } = pop.period;
    const insatser: string[] = [];
    for (const [index, grupp] of pop.grupper.entries()) {
      insatser.push(await s.insats(`Insats ${index}`, 'individ', { grupp, ordning: index }));
    }
    for (const mal of pop.mal) {
      const fonster = {
        matt: mal.matt,
        fran: daysLater(fran, mal.start),
        till: daysLater(fran, mal.start + mal.langd),
        varde: 10,
      };
      if (typeof mal.vems === 'number') await s.mal(insatser[mal.vems]!, fonster);
      else await s.forbundsmal(mal.vems === 'grupp' ? 'Unga' : null, fonster);
    }
    const personer = [randomUUID(), randomUUID(), randomUUID()];
    const ids: string[] = [];
    const remissAv = (d: GenDeltagande): string =>
      daysLater(d.remiss.franTill === 'fran' ? fran : pop.period.till, d.remiss.dagar);
    for (const d of pop.deltaganden) {
      const remiss = remissAv(d);
      const id = await s.remiss(
        insatser[d.insats]!,
        remiss,
        d.remittent,
        {
          kon: d.kon,
          fodelsear: d.fodelsear,
          kommun: d.kommun,
          personId: d.person === null ? null : personer[d.person],
        },
        undefined,
        d.enhet,
      );
      ids.push(id);
      const f = d.forlopp;
      if (f.typ === 'aterremiss') await s.aterremittera(id, daysLater(remiss, f.efter));
      if (f.typ !== 'inskriven') continue;
      const inskriven = daysLater(remiss, f.efter);
      await s.inskriv(id, inskriven, f.forsorjningIn);
      if (!f.avslut) continue;
      const avslut = daysLater(inskriven, f.avslut.efter);
      await s.avsluta(id, avslut, f.avslut.orsak, f.avslut.forsorjningUt);
      for (const u of f.avslut.uppfoljningar) {
        await s.uppfoljning(id, daysLater(avslut, u.efter), u.manader, u.sysselsattning);
      }
    }
    const mitt = await s.now();
    for (const [index, d] of pop.deltaganden.entries()) {
      const id = ids[index]!;
      const f = d.forlopp;
      if (d.sedan === 'makulera') await s.makulera(id);
      if (d.sedan === 'korrigeraPerson') {
        await s.korrigeraPersonuppgifter(id, {
          kon: d.kon === 'man' ? 'kvinna' : 'man',
          fodelsear: d.fodelsear + 1,
          kommun: '0138',
        });
      }
      if (f.typ !== 'inskriven') continue;
      if (d.sedan === 'korrigeraInskrivning') {
        // Within the remiss and the avslut, as the domain allows.
        const efter = Math.max(0, f.efter + d.korrigering);
        const ny = f.avslut ? Math.min(efter, f.efter + f.avslut.efter) : efter;
        await s.korrigeraInskrivningsdatum(id, daysLater(remissAv(d), ny));
      }
      if (d.sedan === 'aterkallaAvslut' && f.avslut) await s.aterkallaAvslut(id);
      if (d.sedan === 'korrigeraAvslut' && f.avslut) {
        // No earlier than the inskrivning; another orsak and försörjning.
        const inskriven = daysLater(remissAv(d), f.efter);
        await s.korrigeraAvslut(id, {
          datum: daysLater(inskriven, Math.max(0, f.avslut.efter + d.korrigering)),
          avslutsorsak: f.avslut.orsak === 'arbete' ? 'studier' : 'arbete',
          forsorjning: ['lon'],
        });
      }
    }
    return { s, insatser, mitt };
  };

  /**
   * The SQL's aggregates and the deltaganden's summed parts as known at `asOf`; and both with
   * the registered persons (by kön, per grupp, in all) as the SQL counts them and as delAv
   * counts them over every deltagande (each person once).
   */
  const bada = async (
    s: StatistikScenario,
    period: Period & { insatsIds?: string[] },
    asOf: Date,
    efter: Date,
  ): Promise<{
    sql: Record<Additiv, string[]>;
    delar: Record<Additiv, string[]>;
    personer: { sql: unknown; delAv: unknown };
  }> => {
    const { aggregat, frame } = await s.aggregat({ ...period, asOf });
    const sammanhang = sammanhangAv(frame, aggregat.mal);
    // Every deltagande the period reads changed since the beginning of time.
    const alla = await andradeDeltaganden(
      s.dataSource,
      { forbundId: s.forbund.id, ...period },
      new Date(0),
      efter,
    );
    const delar = [...alla.values()].map((andrad) =>
      delVid(andrad, asOf.toISOString(), sammanhang),
    );
    const personer = (a: Aggregat) => ({
      ...perTabell([a]),
      registrerade: summerat(a.registrerade, ADDITIVA.registrerade),
      registreradePerGrupp: summerat(a.registreradePerGrupp, ADDITIVA.registreradePerGrupp),
      registreradeTotalt: a.registreradeTotalt,
    });
    return {
      sql: perTabell([aggregat]),
      delar: perTabell(delar),
      personer: {
        sql: personer(aggregat),
        delAv: personer(delAv(alla.values(), asOf.toISOString(), sammanhang)),
      },
    };
  };

  it(
    'every additive aggregate is the sum of the deltaganden’s own rows, as known at two moments',
    async () => {
      await fc.assert(
        fc.asyncProperty(populationArb, async (pop) => {
          const { s, insatser, mitt } = await skriv(pop);
          const slut = await s.now();
          const query = pop.enInsats ? { ...pop.period, insatsIds: [insatser[0]!] } : pop.period;
          for (const asOf of [mitt, slut]) {
            const { sql, delar, personer } = await bada(s, query, asOf, slut);
            expect(delar).toEqual(sql);
            expect(personer.delAv).toEqual(personer.sql);
          }
        }),
        { numRuns: RUNS },
      );
    },
    Math.max(120_000, RUNS * 2_000),
  );
});
