/**
 * A reproducible national-scale dataset for the statistics benchmark: one förbund, twelve
 * insatser (two of them volym insatser) over ten years, and any number of deltaganden.
 *
 * Every event comes out of the domain's deciders (decideDeltagande / decideInsats, folded with
 * the matching evolve), so the dataset obeys every rule the API enforces. Each deltagande is
 * planned from its own seeded PRNG stream, so deltagande i is the same whatever order, writer
 * or scale it is generated in, and nothing but the deltagande being written is held in memory.
 *
 * The mix per deltagande (probabilities are of all deltaganden unless stated):
 * - RemissMottagen, remittent weighted; kön 50/45/5 %; age 16–63 at remiss (16–29 in the two
 *   youth insatser); kommun from 26 Stockholm kommuner, Stockholm weighted; 6 % are registered
 *   persons (personId), a third of them with a second deltagande in another insats;
 * - 8 % återremiss 0–45 days after; 15 % direct enrolment (one append of two events); otherwise
 *   inskrivning 0–60 days after the remiss (still waiting if that is after IDAG);
 * - 90 % of the enrolled leave 30–700 days later unless that is after IDAG (everyone in an insats
 *   that has ended leaves by its slutdatum); avslutsorsak arbete 20 + subventionerat 5, studier
 *   10, arbetssökande 15, övriga 50 %; försörjning after depends on the avslutsorsak;
 * - of the avslutade, 30 % a 6-month and 15 % a 12-month uppföljning when dated by IDAG;
 * - corrections: 5 % InskrivningKorrigerad (date or försörjning), 2 % PersonuppgifterKorrigerade,
 *   1 % AvslutAterkallat and a new avslut, 1 % DeltagandeMakulerat;
 * - kompletteringar (scaled by `komplettering`, 1 by default): the remittent's enhet added to
 *   45 % of remisser; utbildningsnivå (60 %) and tid i offentlig försörjning (55 %) first
 *   registered as "okänd" and completed later; försörjning after avslut (70 %) likewise. The
 *   listed mix alone (komplettering 0) gives about 3.1 events per deltagande; with these it is
 *   about 5, as streams completed after the fact are in production.
 */
import {
  decideDeltagande,
  decideForbund,
  decideInsats,
  evolveDeltagande,
  evolveForbund,
  evolveInsats,
  forbundStream,
  initialDeltagande,
  initialForbund,
  initialInsats,
  type Avslut,
  type Avslutsorsak,
  type CivilDate,
  type Deltagande,
  type DeltagandeCommand,
  type DeltagandeContext,
  type DeltagandeEvent,
  type Forsorjning,
  type Inskrivning,
  type Insats,
  type InsatsCommand,
  type InsatsEvent,
  type InsatsSnapshot,
  type Kon,
  type Matmetod,
  type Personuppgifter,
  type Remittent,
  type Sysselsattning,
  type TidIOffentligForsorjning,
  type Utbildningsniva,
} from '#domain';

/** "Today" for every decider context: nothing in the dataset is dated after it. */
export const IDAG: CivilDate = '2025-12-31';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a tiny, fast 32-bit PRNG; plenty for a benchmark's dataset. */
export const mulberry32 = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Mixes integers into one 32-bit seed (murmur3's finaliser after each step). */
const hashSeed = (...parts: number[]): number => {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
};

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Whole number in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/**
 * mulberry32's state is a counter that advances by a fixed odd step, so two seeds are two
 * offsets into one sequence of 2^32 draws. Deltagande i gets its own window of RNG_WINDOW
 * draws of that sequence: no two deltaganden share a draw (up to 4 million deltaganden).
 */
const RNG_WINDOW = 1024;
const MULBERRY_STEP = 0x6d2b79f5;
const windowRng = (base: number, index: number): Rng =>
  new Rng((base + Math.imul(index, Math.imul(RNG_WINDOW, MULBERRY_STEP))) >>> 0);

/** What an id names; part of the id, so ids of different kinds never collide. */
const enum IdKind {
  Forbund = 1,
  Insats,
  User,
  Deltagande,
  Person,
  Command,
}

/**
 * A version-4-shaped UUID, unique by construction: `n` fills the last 48 bits and the kind
 * a 16-bit group; the rest is a hash, so ids spread over an index like random UUIDs.
 */
const idFor = (seed: number, kind: IdKind, n: number): string => {
  const hex = (v: number, width: number): string =>
    (v >>> 0)
      .toString(16)
      .padStart(8, '0')
      .slice(8 - width);
  const h = hashSeed(seed, kind, n, n / 2 ** 32);
  const g = hashSeed(h, kind);
  return (
    `${hex(h, 8)}-${hex(kind, 4)}-4${hex(g, 3)}-${(8 | (g >>> 30)).toString(16)}${hex(g >>> 12, 3)}-` +
    `${hex(Math.floor(n / 2 ** 32), 4)}${hex(n, 8)}`
  );
};

/** Weighted choice with a precomputed cumulative table. */
class Weighted<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  private readonly total: number;
  constructor(entries: readonly (readonly [T, number])[]) {
    this.values = entries.map(([value]) => value);
    let sum = 0;
    this.cumulative = entries.map(([, weight]) => (sum += weight));
    this.total = sum;
  }
  draw(rng: Rng): T {
    const x = rng.float() * this.total;
    const i = this.cumulative.findIndex((c) => x < c);
    return this.values[i < 0 ? this.values.length - 1 : i]!;
  }
}

// ---------------------------------------------------------------------------------------------
// Days: plain integers from 2015-01-01, converted to civil dates only when a command is made

const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(2015, 0, 1);
const dayOf = (datum: CivilDate): number =>
  Math.round(
    (Date.UTC(Number(datum.slice(0, 4)), Number(datum.slice(5, 7)) - 1, Number(datum.slice(8))) -
      EPOCH_MS) /
      DAY_MS,
  );
const DATES: CivilDate[] = [];
const dateOf = (day: number): CivilDate =>
  (DATES[day] ??= new Date(EPOCH_MS + day * DAY_MS).toISOString().slice(0, 10));
const yearOfDay = (day: number): number => Number(dateOf(day).slice(0, 4));

const IDAG_DAY = dayOf(IDAG);

// ---------------------------------------------------------------------------------------------
// Code mixes

const KON_MIX = new Weighted<Kon>([
  ['kvinna', 50],
  ['man', 45],
  ['ej-angivet', 5],
]);
const ALDER_MIX = new Weighted<readonly [number, number]>([
  [[16, 19], 10],
  [[20, 24], 22],
  [[25, 29], 17],
  [[30, 39], 22],
  [[40, 49], 15],
  [[50, 59], 11],
  [[60, 63], 3],
]);
const KOMMUN_MIX = new Weighted<string>([
  ['0180', 30],
  ['0181', 8],
  ['0127', 8],
  ['0126', 7],
  ['0136', 6],
  ['0182', 5],
  ['0123', 5],
  ['0138', 4],
  ['0163', 4],
  ['0184', 3],
  ['0183', 3],
  ['0191', 3],
  ['0114', 3],
  ['0188', 3],
  ['0192', 2],
  ['0160', 2],
  ['0117', 2],
  ['0120', 2],
  ['0139', 2],
  ['0115', 1],
  ['0125', 1],
  ['0128', 1],
  ['0140', 1],
  ['0162', 1],
  ['0186', 1],
  ['0187', 1],
]);
const REMITTENT_MIX = new Weighted<Remittent>([
  ['af', 28],
  ['socialtjanst', 20],
  ['fk', 14],
  ['kommun-arbetsmarknad', 12],
  ['vard', 10],
  ['skola', 5],
  ['egen', 5],
  ['forbundet', 4],
  ['annan', 2],
]);
const REMITTENT_ENHET: Record<Remittent, readonly string[]> = {
  af: ['Arbetsförmedlingen Stockholm', 'Arbetsförmedlingen Södertälje', 'Arbetsförmedlingen Kista'],
  socialtjanst: ['Försörjningsstöd Norr', 'Försörjningsstöd Syd', 'Vuxenenheten'],
  fk: ['Försäkringskassan LFC Stockholm', 'Försäkringskassan Sjukförsäkring'],
  'kommun-arbetsmarknad': ['Jobbtorg Stockholm', 'Arbetsmarknadsenheten'],
  vard: ['Vårdcentralen', 'Psykiatrin Södra', 'Rehabkoordinator'],
  skola: ['KAA-enheten', 'Gymnasieskolan'],
  egen: ['Egen kontakt'],
  forbundet: ['Annan insats i förbundet'],
  annan: ['Övrig'],
};
const ATERREMISS_ORSAK = [
  'Tillhör inte målgruppen',
  'Annan planering',
  'Deltagaren avböjde',
  'Gick inte att nå',
];
const UTBILDNING_MIX = new Weighted<Utbildningsniva>([
  ['forgymnasial', 35],
  ['gymnasial', 40],
  ['eftergymnasial', 15],
  ['okand', 10],
]);
const TID_MIX = new Weighted<TidIOffentligForsorjning>([
  ['ingen', 5],
  ['under-1-ar', 15],
  ['1-2-ar', 20],
  ['2-5-ar', 25],
  ['5-10-ar', 15],
  ['over-10-ar', 10],
  ['okand', 10],
]);
const AVSLUTSORSAK_MIX = new Weighted<Avslutsorsak>([
  ['arbete', 20],
  ['arbete-subventionerat', 5],
  ['studier', 10],
  ['arbetssokande', 15],
  ['ordinarie-insats', 10],
  ['fortsatt-rehabilitering', 10],
  ['annan-insats', 8],
  ['sjukdom', 7],
  ['avbrott', 6],
  ['sjukersattning', 3],
  ['flytt', 3],
  ['foraldraledighet', 2],
  ['annat', 1],
]);
/** The main public benefit at inskrivning; aktivitetsersättning only before 30. */
const FORSORJNING_MIX = new Weighted<Forsorjning>([
  ['forsorjningsstod', 30],
  ['aktivitetsstod', 18],
  ['sjuk-rehabpenning', 16],
  ['aktivitetsersattning', 10],
  ['a-kassa', 8],
  ['sjukersattning', 6],
  ['etableringsersattning', 6],
  ['studiestod', 3],
]);
const SYSSELSATTNING_EFTER_ARBETE = new Weighted<Sysselsattning>([
  ['arbete', 60],
  ['arbete-subventionerat', 10],
  ['arbetssokande', 15],
  ['studier', 5],
  ['ingen', 5],
  ['okand', 5],
]);
const SYSSELSATTNING_ANNARS = new Weighted<Sysselsattning>([
  ['arbete', 20],
  ['arbete-subventionerat', 5],
  ['studier', 10],
  ['arbetssokande', 25],
  ['arbetsforberedande-insats', 15],
  ['sjukskriven', 12],
  ['ingen', 8],
  ['okand', 5],
]);
/** Relative number of remisser per year: a slow growth with a dip in 2020. */
const AR_VIKT: Readonly<Record<number, number>> = {
  2016: 80,
  2017: 85,
  2018: 90,
  2019: 95,
  2020: 90,
  2021: 100,
  2022: 105,
  2023: 110,
  2024: 120,
  2025: 125,
};
const AR_MIX = new Weighted<number>(Object.entries(AR_VIKT).map(([ar, w]) => [Number(ar), w]));
const AR_VIKT_SUMMA = Object.values(AR_VIKT).reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------
// Insatser

interface InsatsDef {
  readonly namn: string;
  readonly matmetod: Matmetod;
  readonly startdatum: CivilDate;
  readonly slutdatum: CivilDate | null;
  /** Relative inflow of remisser while the insats runs. */
  readonly vikt: number;
  readonly alder: readonly [number, number];
  readonly malgrupp: string | null;
  /** Version 2: the program the insats belongs to, and its place in the förbund's order. */
  readonly grupp?: string;
  readonly ordning?: number;
}

const UNGA = 'Unga vuxna-teamen';
const ARBETE = 'Vägar till arbete';
const INSATSER: readonly InsatsDef[] = [
  {
    ...insats('Ung i Tyresö', '2016-01-01', null, 10, [16, 29], 'Unga vuxna 16–29 år'),
    grupp: UNGA,
    ordning: 1,
  },
  { ...insats('Balder', '2016-01-01', null, 14), ordning: 10 },
  insats('Steget vidare', '2016-01-01', '2021-06-30', 10),
  { ...insats('Arbetsträning Södertörn', '2017-03-01', null, 12), grupp: ARBETE, ordning: 5 },
  { ...insats('Hälsolotsen', '2016-01-01', null, 9), ordning: 11 },
  { ...insats('Språk och arbete', '2018-09-01', null, 8), grupp: ARBETE, ordning: 6 },
  insats('Nystart', '2019-01-01', null, 11),
  { ...insats('Jobbcoach Norr', '2016-01-01', '2023-12-31', 12), grupp: ARBETE, ordning: 7 },
  {
    ...insats('Unga vuxna i Botkyrka', '2020-01-01', null, 9, [18, 29], 'Unga vuxna 18–29 år'),
    grupp: UNGA,
    ordning: 2,
  },
  insats('Vägen framåt', '2021-08-16', null, 10),
  { ...insats('Föreläsningsserien Hälsa', '2016-01-01', null, 0), matmetod: 'volym' },
  { ...insats('Öppen verkstad', '2018-01-01', null, 0), matmetod: 'volym' },
];

function insats(
  namn: string,
  startdatum: CivilDate,
  slutdatum: CivilDate | null,
  vikt: number,
  alder: readonly [number, number] = [16, 63],
  malgrupp: string | null = null,
): InsatsDef {
  return { namn, matmetod: 'individ', startdatum, slutdatum, vikt, alder, malgrupp };
}

export interface InsatsPlan extends InsatsDef {
  readonly insatsId: string;
  readonly start: number;
  /** Last day anything of the insats (but uppföljning) may be dated. */
  readonly sista: number;
  readonly users: readonly string[];
  readonly context: DeltagandeContext;
}

// ---------------------------------------------------------------------------------------------
// Planned appends

/** One command's events: one append at the stream's expected revision. */
export interface PlannedAppend {
  readonly events: readonly { readonly type: string; readonly data: object }[];
  readonly userId: string;
  /** Per command, shared by its events (the statistics fold a command into one version). */
  readonly causationId: string;
}

export interface PlannedStream {
  readonly streamId: string;
  readonly appends: readonly PlannedAppend[];
}

export interface PlannedDeltagande extends PlannedStream {
  readonly deltagandeId: string;
  /** The state after every append: what the read models must end up with. */
  readonly state: Deltagande;
}

export interface DatasetOptions {
  readonly deltaganden: number;
  readonly seed: number;
  /** Scales the komplettering rates; 0 gives only the listed mix. */
  readonly komplettering: number;
}

const PERSON_CYCLE = 50;

interface Head {
  readonly insats: InsatsPlan;
  readonly remissDay: number;
  readonly person: Personuppgifter & { personId: string | null };
}

export class StatistikDataset {
  readonly forbundId: string;
  readonly insatser: readonly InsatsPlan[];
  private readonly individ: readonly InsatsPlan[];

  constructor(readonly options: DatasetOptions) {
    const { seed } = options;
    this.forbundId = idFor(seed, IdKind.Forbund, 0);
    this.insatser = INSATSER.map((def, index) => {
      const insatsId = idFor(seed, IdKind.Insats, index);
      const start = dayOf(def.startdatum);
      const sista = def.slutdatum === null ? IDAG_DAY : Math.min(dayOf(def.slutdatum), IDAG_DAY);
      const snapshot: InsatsSnapshot = {
        insatsId,
        startdatum: def.startdatum,
        slutdatum: def.slutdatum,
        matmetod: def.matmetod,
        // Registered while it ran; InsatsAvslutad is appended after every deltagande.
        avslutad: false,
      };
      return {
        ...def,
        insatsId,
        start,
        sista,
        users: [0, 1, 2].map((user) => idFor(seed, IdKind.User, index * 16 + user)),
        context: { idag: IDAG, insats: snapshot },
      };
    });
    this.individ = this.insatser.filter((i) => i.matmetod === 'individ');
  }

  /** Each insats's stream as written before any deltagande: created, årsmål, volym. */
  insatsStreams(): PlannedStream[] {
    return this.insatser.map((plan, index) => {
      const rng = new Rng(hashSeed(this.options.seed, 0x15a75, index));
      const stream = new InsatsStream(plan, rng, (k) =>
        idFor(this.options.seed, IdKind.Command, 2 ** 40 + index * 2 ** 16 + k),
      );
      stream.run({
        type: 'SkapaInsats',
        data: {
          insatsId: plan.insatsId,
          forbundId: this.forbundId,
          namn: plan.namn,
          inriktning: 'individinriktad',
          matmetod: plan.matmetod,
          startdatum: plan.startdatum,
          slutdatum: plan.slutdatum,
          utforare: null,
          malgrupp: plan.malgrupp,
          // The first ordning and grupp come with a later InsatsAndrad for some (below).
          grupp: index % 2 === 0 ? (plan.grupp ?? null) : null,
          ordning: plan.ordning ?? null,
        },
        context: { idag: IDAG },
      });
      if (index % 2 === 1 && plan.grupp !== undefined)
        stream.run({ type: 'AndraInsats', data: { grupp: plan.grupp }, context: { idag: IDAG } });
      const lastYear = yearOfDay(plan.sista);
      for (let ar = yearOfDay(plan.start); ar <= lastYear; ar++) {
        const mal = this.arsmal(plan, ar, rng);
        stream.run({ type: 'SattArsmal', data: { ar, ...mal }, context: { idag: IDAG } });
        if (rng.chance(0.2)) {
          // The kansli revises some targets during the year.
          const revised = { ...mal, deltagare: Math.round(mal.deltagare * 1.1) + 1 };
          stream.run({ type: 'SattArsmal', data: { ar, ...revised }, context: { idag: IDAG } });
        }
        // Version 2: the year's budget, and its cost when the year is over (revised at times).
        const budget = rng.int(800, 4000) * 1000;
        stream.run({ type: 'SattEkonomi', data: { ar, budget }, context: { idag: IDAG } });
        if (ar < yearOfDay(IDAG_DAY) || rng.chance(0.5)) {
          const kostnad = Math.round(budget * (0.8 + rng.float() * 0.3));
          stream.run({ type: 'SattEkonomi', data: { ar, kostnad }, context: { idag: IDAG } });
        }
      }
      if (plan.matmetod === 'individ') {
        // A project goal over three years, and a share of it.
        for (let ar = yearOfDay(plan.start); ar + 2 <= lastYear + 1; ar += 3) {
          const base = this.arsmal(plan, ar, rng).nyaDeltagare;
          const goal = (k: number): string =>
            idFor(this.options.seed, IdKind.Command, 2 ** 44 + index * 2 ** 16 + ar * 4 + k);
          const period = { fran: `${ar}-01-01`, till: `${ar + 2}-12-31` };
          stream.run({
            type: 'SattMal',
            data: { malId: goal(0), matt: 'nya', ...period, varde: base * 3 },
            context: { idag: IDAG },
          });
          stream.run({
            type: 'SattMal',
            data: { malId: goal(1), matt: 'andel-arbete-studier', ...period, varde: 0.35 },
            context: { idag: IDAG },
          });
        }
      }
      if (plan.matmetod === 'volym') {
        // A session a week, except holidays.
        for (let day = plan.start + 1; day <= plan.sista; day += 7) {
          if (rng.chance(0.12)) continue;
          stream.run({
            type: 'RegistreraVolym',
            data: {
              datum: dateOf(day),
              kvinnor: rng.int(3, 30),
              man: rng.int(2, 24),
              ejAngivet: rng.int(0, 2),
              aktivitet: rng.pick(['Föreläsning', 'Gruppträff', 'Prova-på']),
            },
            context: { idag: IDAG },
          });
        }
      }
      return stream.planned();
    });
  }

  /** The förbund's own goals and its grupper's: a yearly goal for each, on `forbund-<id>`. */
  forbundStream(): PlannedStream {
    const appends: PlannedAppend[] = [];
    let state = initialForbund();
    const rng = new Rng(hashSeed(this.options.seed, 0xf0b, 0));
    const users = this.insatser[0]!.users;
    for (let ar = 2016; ar <= yearOfDay(IDAG_DAY); ar++) {
      for (const [k, grupp] of [null, UNGA, ARBETE].entries()) {
        const malId = idFor(this.options.seed, IdKind.Command, 2 ** 45 + ar * 8 + k);
        const yearShare = (AR_VIKT[ar] ?? 0) / AR_VIKT_SUMMA;
        const varde = Math.max(
          1,
          Math.round(this.options.deltaganden * yearShare * (k === 0 ? 0.9 : 0.2)),
        );
        const events = decideForbund(
          {
            type: 'SattForbundsmal',
            data: { malId, grupp, matt: 'nya', fran: `${ar}-01-01`, till: `${ar}-12-31`, varde },
          },
          state,
        );
        state = events.reduce(evolveForbund, state);
        appends.push({
          events,
          userId: rng.pick(users),
          causationId: idFor(this.options.seed, IdKind.Command, 2 ** 46 + appends.length),
        });
      }
    }
    return { streamId: forbundStream(this.forbundId), appends };
  }

  /** InsatsAvslutad for the insatser that have ended, appended after the deltaganden. */
  insatsClosings(): { insats: InsatsPlan; append: PlannedAppend }[] {
    return this.insatser
      .map((plan, index) => ({ plan, index }))
      .filter(({ plan }) => plan.slutdatum !== null && plan.slutdatum <= IDAG)
      .map(({ plan, index }) => {
        // Only the decider's checks on the command matter here; its state has the start date.
        const state: Insats = evolveInsats(initialInsats(), {
          type: 'InsatsSkapad',
          data: {
            insatsId: plan.insatsId,
            forbundId: this.forbundId,
            namn: plan.namn,
            inriktning: 'individinriktad',
            matmetod: plan.matmetod,
            startdatum: plan.startdatum,
            slutdatum: plan.slutdatum,
            utforare: null,
            malgrupp: plan.malgrupp,
            grupp: null,
            ordning: null,
          },
        });
        const events = decideInsats(
          {
            type: 'AvslutaInsats',
            data: { slutdatum: plan.slutdatum! },
            context: { idag: IDAG, oppnaDeltaganden: [], senasteDeltagandedatum: null },
          },
          state,
        );
        return {
          insats: plan,
          append: {
            events,
            userId: plan.users[0]!,
            causationId: idFor(this.options.seed, IdKind.Command, 2 ** 41 + index),
          },
        };
      });
  }

  /** Deltagande `index` (0-based): the same for a given seed whatever else is generated. */
  deltagande(index: number): PlannedDeltagande {
    const rng = this.rngFor(index);
    const head = this.head(index, rng);
    const seed = this.options.seed;
    return new DeltagandePlanner(
      rng,
      head,
      idFor(seed, IdKind.Deltagande, index),
      (k) => idFor(seed, IdKind.Command, index * 256 + k),
      this.options.komplettering,
    ).plan();
  }

  private rngFor(index: number): Rng {
    return windowRng(hashSeed(this.options.seed, 0xde17a), index);
  }

  /** Insats, remiss date and person; a registered person's second deltagande copies the first's. */
  private head(index: number, rng: Rng): Head {
    const place = index % PERSON_CYCLE;
    if (place === 1 && index > 0) {
      const first = this.head(index - 1, this.rngFor(index - 1));
      const partner = this.partnerHead(first, rng);
      if (partner) return partner;
    }
    const remissDay = this.remissDay(rng);
    const insats = this.insatsAt(remissDay, rng, () => true);
    const [lo, hi] = insats.alder;
    let band = ALDER_MIX.draw(rng);
    while (band[1] < lo || band[0] > hi) band = ALDER_MIX.draw(rng);
    const alder = rng.int(Math.max(lo, band[0]), Math.min(hi, band[1]));
    return {
      insats,
      remissDay,
      person: {
        kon: KON_MIX.draw(rng),
        fodelsear: yearOfDay(remissDay) - alder,
        kommun: KOMMUN_MIX.draw(rng),
        personId:
          place === 0 || place === 2 ? idFor(this.options.seed, IdKind.Person, index) : null,
      },
    };
  }

  /** The same person in another insats, up to 18 months later, within the target age. */
  private partnerHead(first: Head, rng: Rng): Head | undefined {
    let remissDay = Math.min(first.remissDay + rng.int(0, 540), IDAG_DAY);
    if (yearOfDay(remissDay) - first.person.fodelsear > 63) remissDay = first.remissDay;
    const alder = yearOfDay(remissDay) - first.person.fodelsear;
    const fits = (plan: InsatsPlan): boolean =>
      plan !== first.insats && alder >= plan.alder[0] && alder <= plan.alder[1];
    if (!this.individ.some((plan) => fits(plan) && this.runs(plan, remissDay))) return undefined;
    return { insats: this.insatsAt(remissDay, rng, fits), remissDay, person: first.person };
  }

  private remissDay(rng: Rng): number {
    const ar = AR_MIX.draw(rng);
    const first = dayOf(`${ar}-01-01`);
    const last = dayOf(`${ar}-12-31`);
    return rng.int(first, last);
  }

  private runs(plan: InsatsPlan, day: number): boolean {
    return day >= plan.start && day <= plan.sista;
  }

  private insatsAt(day: number, rng: Rng, fits: (plan: InsatsPlan) => boolean): InsatsPlan {
    const open = this.individ.filter((plan) => this.runs(plan, day) && fits(plan));
    const total = open.reduce((sum, plan) => sum + plan.vikt, 0);
    let x = rng.float() * total;
    for (const plan of open) {
      x -= plan.vikt;
      if (x < 0) return plan;
    }
    return open[open.length - 1]!;
  }

  /** A target near the expected flow: the kansli plans from last year's numbers. */
  private arsmal(
    plan: InsatsPlan,
    ar: number,
    rng: Rng,
  ): { deltagare: number; nyaDeltagare: number; andelArbeteStudier: number } {
    if (plan.matmetod === 'volym') {
      return { deltagare: rng.int(40, 120) * 10, nyaDeltagare: 0, andelArbeteStudier: 0 };
    }
    const yearShare = (AR_VIKT[ar] ?? 0) / AR_VIKT_SUMMA;
    const mid = dayOf(`${ar}-07-01`);
    const active = this.individ.filter((p) => this.runs(p, mid) || p === plan);
    const share = plan.vikt / active.reduce((sum, p) => sum + p.vikt, 0);
    const remisser = this.options.deltaganden * yearShare * share;
    const nya = Math.max(1, Math.round(remisser * 0.88 * (0.9 + rng.float() * 0.3)));
    return {
      deltagare: Math.round(nya * (1.7 + rng.float() * 0.4)),
      nyaDeltagare: nya,
      andelArbeteStudier: Math.round((0.3 + rng.float() * 0.15) * 100) / 100,
    };
  }
}

class InsatsStream {
  private state = initialInsats();
  private readonly appends: PlannedAppend[] = [];
  constructor(
    private readonly plan: InsatsPlan,
    private readonly rng: Rng,
    private readonly commandId: (k: number) => string,
  ) {}
  run(command: InsatsCommand): void {
    const events: InsatsEvent[] = decideInsats(command, this.state);
    this.state = events.reduce(evolveInsats, this.state);
    this.appends.push({
      events,
      userId: this.rng.pick(this.plan.users),
      causationId: this.commandId(this.appends.length),
    });
  }
  planned(): PlannedStream {
    return { streamId: `insats-${this.plan.insatsId}`, appends: this.appends };
  }
}

// ---------------------------------------------------------------------------------------------
// One deltagande's commands, each through the decider

const ARBETE_GRUPP: ReadonlySet<Avslutsorsak> = new Set(['arbete', 'arbete-subventionerat']);

class DeltagandePlanner {
  private state: Deltagande = initialDeltagande();
  private readonly appends: PlannedAppend[] = [];
  private readonly insats: InsatsPlan;

  constructor(
    private readonly rng: Rng,
    private readonly head: Head,
    private readonly deltagandeId: string,
    private readonly commandId: (k: number) => string,
    private readonly komplettering: number,
  ) {
    this.insats = head.insats;
  }

  private run(type: DeltagandeCommand['type'], data: object): void {
    const command = { type, data, context: this.insats.context } as DeltagandeCommand;
    const events: DeltagandeEvent[] = decideDeltagande(command, this.state);
    this.state = events.reduce(evolveDeltagande, this.state);
    this.appends.push({
      events,
      userId: this.rng.pick(this.insats.users),
      causationId: this.commandId(this.appends.length),
    });
  }

  private kompletteras(p: number): boolean {
    return this.rng.chance(Math.min(1, p * this.komplettering));
  }

  private done(): PlannedDeltagande {
    return {
      streamId: `deltagande-${this.deltagandeId}`,
      deltagandeId: this.deltagandeId,
      appends: this.appends,
      state: this.state,
    };
  }

  plan(): PlannedDeltagande {
    const { rng, head, insats } = this;
    const sista = insats.sista;
    const aterremiss = rng.chance(0.08);
    const direkt = !aterremiss && rng.chance(0.15 / 0.92);
    const makulering = rng.chance(0.01) ? rng.pick(['remiss', 'inskrivning', 'slut']) : null;
    const personKorrigeras = rng.chance(0.02);
    const inskrivningKorrigeras = rng.chance(0.05);
    const avslutAterkallas = rng.chance(0.01);

    // Remiss, with a mistake in the personuppgifter when they are corrected later.
    const person = head.person;
    const registrerad = personKorrigeras ? this.felaktigPerson(person) : person;
    const remittent = REMITTENT_MIX.draw(rng);
    const enhet = rng.pick(REMITTENT_ENHET[remittent]);
    const enhetKompletteras = this.kompletteras(0.45);
    const remissDay = head.remissDay;
    const inskrivning = direkt ? this.inskrivning(remissDay) : null;
    const registreradInskrivning = inskrivning && this.registreradInskrivning(inskrivning);
    this.run('RegistreraRemiss', {
      deltagandeId: this.deltagandeId,
      insatsId: insats.insatsId,
      datum: dateOf(remissDay),
      remittent,
      remittentEnhet: enhetKompletteras ? null : rng.chance(0.2) ? enhet : null,
      person: registrerad,
      ...(registreradInskrivning ? { inskrivning: registreradInskrivning.inskrivning } : {}),
    });
    if (personKorrigeras) {
      this.run('KorrigeraPersonuppgifter', {
        orsak: 'Fel i personuppgifterna vid registreringen',
        kon: person.kon,
        fodelsear: person.fodelsear,
        kommun: person.kommun,
      });
    }
    if (enhetKompletteras) {
      this.run('KorrigeraRemiss', {
        orsak: 'Komplettering: remitterande enhet',
        remittentEnhet: enhet,
      });
    }
    if (makulering === 'remiss') return this.makulera();

    if (aterremiss) {
      const datum = Math.min(remissDay + rng.int(0, 45), sista);
      this.run('Aterremittera', { datum: dateOf(datum), orsak: rng.pick(ATERREMISS_ORSAK) });
      if (makulering) return this.makulera();
      return this.done();
    }

    // Inskrivning 0–60 days after the remiss; still waiting if that is after today.
    let registrering = registreradInskrivning;
    if (!registrering) {
      const day = remissDay + rng.int(0, 60);
      if (day > IDAG_DAY) return makulering ? this.makulera() : this.done();
      registrering = this.registreradInskrivning(this.inskrivning(Math.min(day, sista)));
      this.run('SkrivIn', registrering.inskrivning);
    }
    if (inskrivningKorrigeras) this.korrigeraInskrivning(remissDay, direkt);
    for (const komplettering of registrering.kompletteringar) {
      this.run('KorrigeraInskrivning', komplettering);
    }
    if (makulering === 'inskrivning') return this.makulera();

    // Avslut 30–700 days later for 90 %, for everyone by the end of an insats that has ended.
    const slutlig = this.state.inskrivning!;
    const inskrivningDay = dayOf(slutlig.datum);
    const ended = insats.sista < IDAG_DAY;
    let avslutDay = inskrivningDay + rng.int(30, 700);
    const lamnar = rng.chance(0.9) || ended;
    if (ended) avslutDay = Math.min(avslutDay, sista);
    if (lamnar && avslutDay <= IDAG_DAY) {
      const avslut = this.avslut(avslutDay, slutlig.forsorjning);
      if (avslutAterkallas) {
        const fel = inskrivningDay + rng.int(0, avslutDay - inskrivningDay);
        this.run('Avsluta', {
          ...avslut,
          datum: dateOf(fel),
          avslutsorsak: AVSLUTSORSAK_MIX.draw(rng),
        });
        this.run('AterkallaAvslut', { orsak: 'Avslutet registrerades av misstag' });
      }
      const forsorjningKompletteras =
        !(avslut.forsorjning.length === 1 && avslut.forsorjning[0] === 'okand') &&
        this.kompletteras(0.7);
      this.run('Avsluta', forsorjningKompletteras ? { ...avslut, forsorjning: ['okand'] } : avslut);
      if (forsorjningKompletteras) {
        this.run('KorrigeraAvslut', {
          orsak: 'Komplettering: försörjning efter avslut',
          forsorjning: avslut.forsorjning,
        });
      }
      for (const [manader, p, dagar] of [
        [6, 0.3, 182],
        [12, 0.15, 365],
      ] as const) {
        const datum = avslutDay + dagar + rng.int(0, 20);
        if (rng.chance(p) && datum <= IDAG_DAY) {
          const sysselsattning = (
            ARBETE_GRUPP.has(avslut.avslutsorsak)
              ? SYSSELSATTNING_EFTER_ARBETE
              : SYSSELSATTNING_ANNARS
          ).draw(rng);
          this.run('RegistreraUppfoljning', {
            datum: dateOf(datum),
            manaderEfterAvslut: manader,
            sysselsattning,
            forsorjning: this.forsorjningVid(sysselsattning),
          });
        }
      }
    }
    if (makulering) return this.makulera();
    return this.done();
  }

  private makulera(): PlannedDeltagande {
    this.run('Makulera', { orsak: 'Deltagandet registrerades av misstag' });
    return this.done();
  }

  /** Personuppgifter with one field wrong, still within the target age at the remiss. */
  private felaktigPerson(person: Head['person']): Head['person'] {
    const { rng } = this;
    const x = rng.float();
    if (x < 0.5) {
      let kommun = KOMMUN_MIX.draw(rng);
      while (kommun === person.kommun) kommun = KOMMUN_MIX.draw(rng);
      return { ...person, kommun };
    }
    if (x < 0.75) return { ...person, kon: person.kon === 'kvinna' ? 'man' : 'kvinna' };
    const alder = yearOfDay(this.head.remissDay) - person.fodelsear;
    // One year off, in the direction that keeps the age at remiss and inskrivning 16–63.
    return { ...person, fodelsear: person.fodelsear + (alder >= 60 ? 1 : -1) };
  }

  private inskrivning(day: number): Inskrivning {
    return {
      datum: dateOf(day),
      forsorjning: this.forsorjningVidInskrivning(yearOfDay(day) - this.head.person.fodelsear),
      utbildningsniva: UTBILDNING_MIX.draw(this.rng),
      tidIOffentligForsorjning: TID_MIX.draw(this.rng),
    };
  }

  /** The inskrivning as first registered, and the kompletteringar that make it the true one. */
  private registreradInskrivning(inskrivning: Inskrivning): {
    inskrivning: Inskrivning;
    kompletteringar: object[];
  } {
    const registrerad = { ...inskrivning };
    const kompletteringar: object[] = [];
    if (inskrivning.utbildningsniva !== 'okand' && this.kompletteras(0.6)) {
      registrerad.utbildningsniva = 'okand';
      kompletteringar.push({
        orsak: 'Komplettering: utbildningsnivå',
        utbildningsniva: inskrivning.utbildningsniva,
      });
    }
    if (inskrivning.tidIOffentligForsorjning !== 'okand' && this.kompletteras(0.55)) {
      registrerad.tidIOffentligForsorjning = 'okand';
      kompletteringar.push({
        orsak: 'Komplettering: tid i offentlig försörjning',
        tidIOffentligForsorjning: inskrivning.tidIOffentligForsorjning,
      });
    }
    return { inskrivning: registrerad, kompletteringar };
  }

  /**
   * Corrects the registered inskrivning: its date moves a few days, or its försörjning
   * changes. What follows (avslut, kompletteringar) builds on the corrected state.
   */
  private korrigeraInskrivning(remissDay: number, direkt: boolean): void {
    const { rng } = this;
    const registrerad = this.state.inskrivning!;
    const day = dayOf(registrerad.datum);
    if (!direkt && rng.chance(0.5)) {
      const hi = Math.min(this.insats.sista, IDAG_DAY);
      const step = (rng.chance(0.5) ? 1 : -1) * rng.int(1, 14);
      const shifted = Math.max(remissDay, Math.min(hi, day + step));
      const alder = yearOfDay(shifted) - this.head.person.fodelsear;
      if (shifted !== day && alder >= 16 && alder <= 64) {
        this.run('KorrigeraInskrivning', {
          orsak: 'Fel inskrivningsdatum',
          datum: dateOf(shifted),
        });
        return;
      }
    }
    const alder = yearOfDay(day) - this.head.person.fodelsear;
    for (let i = 0; i < 5; i++) {
      const forsorjning = this.forsorjningVidInskrivning(alder);
      if (!sameSet(forsorjning, registrerad.forsorjning)) {
        this.run('KorrigeraInskrivning', { orsak: 'Fel försörjning angiven', forsorjning });
        return;
      }
    }
  }

  /** Non-empty; `ingen-offentlig` never with a public benefit; `okand` alone. */
  private forsorjningVidInskrivning(alder: number): Forsorjning[] {
    const { rng } = this;
    const x = rng.float();
    if (x < 0.03) return ['okand'];
    if (x < 0.07) return rng.chance(0.3) ? ['ingen-offentlig', 'lon'] : ['ingen-offentlig'];
    const koder = new Set<Forsorjning>();
    const huvud = (): Forsorjning => {
      let kod = FORSORJNING_MIX.draw(rng);
      while (kod === 'aktivitetsersattning' && alder >= 30) kod = FORSORJNING_MIX.draw(rng);
      return kod;
    };
    koder.add(huvud());
    if (rng.chance(0.25)) koder.add(rng.chance(0.6) ? 'forsorjningsstod' : huvud());
    if (rng.chance(0.05)) koder.add('lon');
    return [...koder];
  }

  private avslut(day: number, fore: readonly Forsorjning[]): Avslut {
    const avslutsorsak = AVSLUTSORSAK_MIX.draw(this.rng);
    return {
      datum: dateOf(day),
      avslutsorsak,
      forsorjning: this.forsorjningEfter(avslutsorsak, fore),
    };
  }

  private forsorjningEfter(orsak: Avslutsorsak, fore: readonly Forsorjning[]): Forsorjning[] {
    const { rng } = this;
    if (rng.chance(0.04)) return ['okand'];
    switch (orsak) {
      case 'arbete':
        return rng.chance(0.8)
          ? ['lon']
          : rng.chance(0.5)
            ? ['lon', 'forsorjningsstod']
            : ['ingen-offentlig', 'lon'];
      case 'arbete-subventionerat':
        return rng.chance(0.7) ? ['lon'] : ['lon', 'aktivitetsstod'];
      case 'studier':
        return rng.chance(0.75) ? ['studiestod'] : ['studiestod', 'forsorjningsstod'];
      case 'arbetssokande':
        return [
          rng.pick<Forsorjning>([
            'a-kassa',
            'aktivitetsstod',
            'aktivitetsstod',
            'forsorjningsstod',
          ]),
        ];
      case 'sjukersattning':
        return ['sjukersattning'];
      case 'sjukdom':
        return rng.chance(0.8) ? ['sjuk-rehabpenning'] : ['forsorjningsstod'];
      default:
        return rng.chance(0.7) ? [...fore] : this.forsorjningVidInskrivning(40);
    }
  }

  private forsorjningVid(sysselsattning: Sysselsattning): Forsorjning[] {
    const { rng } = this;
    switch (sysselsattning) {
      case 'arbete':
        return ['lon'];
      case 'arbete-subventionerat':
        return ['lon', 'aktivitetsstod'];
      case 'studier':
        return ['studiestod'];
      case 'arbetssokande':
        return [rng.pick<Forsorjning>(['a-kassa', 'aktivitetsstod', 'forsorjningsstod'])];
      case 'arbetsforberedande-insats':
        return ['aktivitetsstod'];
      case 'sjukskriven':
        return ['sjuk-rehabpenning'];
      case 'ingen':
        return rng.chance(0.5) ? ['forsorjningsstod'] : ['ingen-offentlig'];
      case 'okand':
        return ['okand'];
    }
  }
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((kod) => b.includes(kod));
