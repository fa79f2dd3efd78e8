import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import {
  AVSLUTSORSAK,
  daysLater,
  FORSORJNING,
  KON,
  SYSSELSATTNING,
  type Avslutsorsak,
  type Forsorjning,
  type Kon,
  type Sysselsattning,
} from '#domain';
import { StatistikService, type CacheOutcome, type Jamfor, type StatistikReport } from '#statistik';
import { StatistikScenario } from '../../libs/statistik/src/testing/statistik-scenario.js';

/*
 * AggregatCache keeps a report's aggregates with the read models' position they are the state
 * of, and brings them up to date by the deltaganden that changed since. Property: for a
 * generated population and report, over a chain of rounds of changes (new deltaganden,
 * corrections of dates, kön and avslut, makuleringar, uppföljningar, persons with several
 * deltaganden, deltaganden of another förbund, and now and then an insats's grupp, a goal or a
 * volym of the förbund), the report made with the cache after each round is byte for byte the
 * report made without it; and a round that changed only deltaganden was brought up to date,
 * not counted again.
 */

/** 12 runs take about half a minute; KONTROLL_RUNS=200 searches harder. */
const RUNS = Number(process.env.KONTROLL_RUNS ?? 12);

interface Period {
  fran: string;
  till: string;
}

const periodArb: fc.Arbitrary<Period> = fc.oneof(
  fc.constant({ fran: '2024-01-01', till: '2024-12-31' }),
  fc
    .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 160 }))
    .map(([start, langd]) => {
      const fran = daysLater('2024-01-01', start);
      return { fran, till: daysLater(fran, langd) };
    }),
  // Over two calendar years: the per-year and ekonomi windows.
  fc.constant({ fran: '2023-07-01', till: '2024-06-30' }),
);

const forsorjningArb = fc.uniqueArray(fc.constantFrom<Forsorjning>(...FORSORJNING.slice(0, 5)), {
  minLength: 1,
  maxLength: 2,
});

interface GenDeltagande {
  insats: number;
  kon: Kon;
  fodelsear: number;
  kommun: string;
  remittent: string;
  enhet: string | null;
  person: number | null;
  /** Days from the period's fran. */
  remiss: number;
  inskrivning: number | null;
  avslut: { efter: number; orsak: Avslutsorsak; forsorjning: Forsorjning[] } | null;
}

const deltagandeArb = (insatser: number): fc.Arbitrary<GenDeltagande> =>
  fc.record({
    insats: fc.nat(insatser - 1),
    kon: fc.constantFrom<Kon>(...KON),
    fodelsear: fc.integer({ min: 1960, max: 2007 }),
    kommun: fc.constantFrom('0180', '0126'),
    remittent: fc.constantFrom('af', 'fk', 'socialtjanst'),
    enhet: fc.constantFrom<string | null>(null, 'Enhet A', 'Öst'),
    person: fc.option(fc.nat(2), { freq: 2 }),
    remiss: fc.oneof(fc.integer({ min: -450, max: 400 }), fc.constantFrom(-1, 0, 1)),
    inskrivning: fc.option(fc.nat(120), { freq: 4 }),
    avslut: fc.option(
      fc.record({
        efter: fc.nat(400),
        orsak: fc.constantFrom<Avslutsorsak>(...AVSLUTSORSAK.slice(0, 6)),
        forsorjning: forsorjningArb,
      }),
      { freq: 2 },
    ),
  });

/** A change; `i` picks a deltagande (modulo how many there are), `dagar` moves a date. */
type Andring =
  | { typ: 'ny'; d: GenDeltagande }
  | { typ: 'inskriv'; i: number; dagar: number }
  | { typ: 'avsluta'; i: number; dagar: number; orsak: Avslutsorsak }
  | { typ: 'korrigeraInskrivning'; i: number; dagar: number }
  | { typ: 'korrigeraAvslut'; i: number; dagar: number; orsak: Avslutsorsak }
  | { typ: 'aterkallaAvslut'; i: number }
  | { typ: 'aterremittera'; i: number; dagar: number }
  | { typ: 'korrigeraPerson'; i: number; kon: Kon }
  | { typ: 'korrigeraRemiss'; i: number; dagar: number }
  | { typ: 'makulera'; i: number }
  | { typ: 'uppfoljning'; i: number; dagar: number; manader: 6 | 12; s: Sysselsattning }
  | { typ: 'utbildningsniva'; i: number }
  | { typ: 'annatForbund' }
  // Not per deltagande: the whole report is read again.
  | { typ: 'grupp'; insats: number }
  | { typ: 'mal'; start: number; langd: number }
  | { typ: 'volym' };

const FALLBACK: ReadonlySet<Andring['typ']> = new Set(['grupp', 'mal', 'volym']);

const andringArb = (insatser: number): fc.Arbitrary<Andring> => {
  const i = fc.nat(1000);
  const dagar = fc.integer({ min: -90, max: 200 });
  return fc.oneof(
    { weight: 4, arbitrary: deltagandeArb(insatser).map((d) => ({ typ: 'ny' as const, d })) },
    { weight: 2, arbitrary: fc.record({ typ: fc.constant('inskriv' as const), i, dagar }) },
    {
      weight: 2,
      arbitrary: fc.record({
        typ: fc.constant('avsluta' as const),
        i,
        dagar,
        orsak: fc.constantFrom<Avslutsorsak>(...AVSLUTSORSAK.slice(0, 6)),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ typ: fc.constant('korrigeraInskrivning' as const), i, dagar }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        typ: fc.constant('korrigeraAvslut' as const),
        i,
        dagar,
        orsak: fc.constantFrom<Avslutsorsak>(...AVSLUTSORSAK.slice(0, 6)),
      }),
    },
    { weight: 1, arbitrary: fc.record({ typ: fc.constant('aterkallaAvslut' as const), i }) },
    { weight: 1, arbitrary: fc.record({ typ: fc.constant('aterremittera' as const), i, dagar }) },
    {
      weight: 2,
      arbitrary: fc.record({
        typ: fc.constant('korrigeraPerson' as const),
        i,
        kon: fc.constantFrom<Kon>(...KON),
      }),
    },
    { weight: 1, arbitrary: fc.record({ typ: fc.constant('korrigeraRemiss' as const), i, dagar }) },
    { weight: 2, arbitrary: fc.record({ typ: fc.constant('makulera' as const), i }) },
    {
      weight: 2,
      arbitrary: fc.record({
        typ: fc.constant('uppfoljning' as const),
        i,
        dagar: fc.integer({ min: 0, max: 300 }),
        manader: fc.constantFrom<6 | 12>(6, 12),
        s: fc.constantFrom<Sysselsattning>(...SYSSELSATTNING.slice(0, 4)),
      }),
    },
    { weight: 1, arbitrary: fc.record({ typ: fc.constant('utbildningsniva' as const), i }) },
    { weight: 1, arbitrary: fc.constant({ typ: 'annatForbund' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({ typ: fc.constant('grupp' as const), insats: fc.nat(insatser - 1) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        typ: fc.constant('mal' as const),
        start: fc.integer({ min: -300, max: 200 }),
        langd: fc.integer({ min: 0, max: 500 }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ typ: 'volym' as const }) },
  );
};

interface Population {
  period: Period;
  enInsats: boolean;
  jamfor: Jamfor | null;
  skydda: boolean;
  grupper: (string | null)[];
  mal: { start: number; langd: number; insats: number | null }[];
  deltaganden: GenDeltagande[];
  rundor: Andring[][];
}

const populationArb: fc.Arbitrary<Population> = fc
  .array(fc.constantFrom<string | null>('Unga', null), { minLength: 1, maxLength: 3 })
  .chain((grupper) =>
    fc.record({
      period: periodArb,
      enInsats: fc.boolean(),
      jamfor: fc.constantFrom<Jamfor | null>(null, null, 'foregaende', 'fjol'),
      skydda: fc.boolean(),
      grupper: fc.constant(grupper),
      mal: fc.array(
        fc.record({
          start: fc.integer({ min: -300, max: 200 }),
          langd: fc.integer({ min: 0, max: 500 }),
          insats: fc.option(fc.nat(grupper.length - 1)),
        }),
        { maxLength: 3 },
      ),
      deltaganden: fc.array(deltagandeArb(grupper.length), { minLength: 3, maxLength: 20 }),
      rundor: fc.array(fc.array(andringArb(grupper.length), { minLength: 1, maxLength: 6 }), {
        minLength: 2,
        maxLength: 5,
      }),
    }),
  );

/** A report as JSON, the moment it was made as of left out (the only part that differs). */
const json = (report: StatistikReport): string =>
  JSON.stringify(report, (key, value: unknown) => (key === 'asOf' ? 'nu' : value));

/** Where two texts first differ, with some text before it (the reports are long). */
const skillnad = (a: string, b: string): string => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: …${a.slice(Math.max(0, i - 200), i + 60)} ≠ …${b.slice(Math.max(0, i - 200), i + 60)}`;
};

describe('AggregatCache: reports brought up to date are the reports counted whole (property)', () => {
  let base: StatistikScenario;
  /** An insats of another förbund, whose deltaganden change nothing here. */
  let annan: StatistikScenario;
  let annanInsats: string;

  beforeAll(async () => {
    base = await StatistikScenario.start();
    annan = base.iForbund({ id: randomUUID(), namn: 'Annat förbund' });
    annanInsats = await annan.insats('Annans insats', 'individ');
  });
  afterAll(async () => {
    await base.close();
  });

  /** One deltagande as the model knows it, to keep the changes plausible. */
  interface Modell {
    id: string;
    remiss: string;
    inskrivning: string | null;
    avslut: string | null;
  }

  it(
    'after every round of changes, the cached report is byte for byte the one counted whole',
    async () => {
      const tally: Record<CacheOutcome, number> = { miss: 0, same: 0, incremental: 0, full: 0 };
      await fc.assert(
        fc.asyncProperty(populationArb, async (pop) => {
          const s = base.iForbund({ id: randomUUID(), namn: 'Samordningsförbundet Cache' });
          const { fran } = pop.period;
          const insatser: string[] = [];
          for (const [index, grupp] of pop.grupper.entries()) {
            insatser.push(await s.insats(`Insats ${index}`, 'individ', { grupp, ordning: index }));
          }
          for (const m of pop.mal) {
            const fonster = {
              matt: 'nya' as const,
              fran: daysLater(fran, m.start),
              till: daysLater(fran, m.start + m.langd),
              varde: 5,
            };
            if (m.insats === null) await s.forbundsmal(null, fonster);
            else await s.mal(insatser[m.insats]!, fonster);
          }
          const personer = [randomUUID(), randomUUID(), randomUUID()];
          const modell: Modell[] = [];
          const skriv = async (d: GenDeltagande): Promise<void> => {
            const remiss = daysLater(fran, d.remiss);
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
            const m: Modell = { id, remiss, inskrivning: null, avslut: null };
            modell.push(m);
            if (d.inskrivning === null) return;
            m.inskrivning = daysLater(remiss, d.inskrivning);
            await s.inskriv(id, m.inskrivning, ['a-kassa']);
            if (!d.avslut) return;
            m.avslut = daysLater(m.inskrivning, d.avslut.efter);
            await s.avsluta(id, m.avslut, d.avslut.orsak, d.avslut.forsorjning);
          };
          for (const d of pop.deltaganden) await skriv(d);

          const query = {
            forbundId: s.forbund.id,
            ...pop.period,
            ...(pop.enInsats ? { insatsIds: [insatser[0]!] } : {}),
          };
          const options = { ...(pop.jamfor ? { jamfor: pop.jamfor } : {}), skydda: pop.skydda };
          const cached = new StatistikService(s.dataSource, { cache: { events: s.store } });
          const whole = new StatistikService(s.dataSource);
          const cache = cached.cache!;
          const jamfor = async (): Promise<void> => {
            await s.catchUp();
            const [a, b] = await Promise.all([
              cached.report(query, s.forbund, options),
              whole.report(query, s.forbund, options),
            ]);
            const [x, y] = [json(a), json(b)];
            if (x !== y) throw new Error(`cached and whole reports differ: ${skillnad(x, y)}`);
          };
          await jamfor();

          for (const runda of pop.rundor) {
            const before: Record<CacheOutcome, number> = { ...cache.outcomes };
            for (const a of runda) {
              const m = modell[('i' in a ? a.i : 0) % modell.length]!;
              switch (a.typ) {
                case 'ny':
                  await skriv(a.d);
                  break;
                case 'inskriv':
                  m.inskrivning = daysLater(m.remiss, Math.abs(a.dagar));
                  await s.inskriv(m.id, m.inskrivning, ['forsorjningsstod']);
                  break;
                case 'avsluta':
                  if (!m.inskrivning) break;
                  m.avslut = daysLater(m.inskrivning, Math.abs(a.dagar));
                  await s.avsluta(m.id, m.avslut, a.orsak, ['lon']);
                  break;
                case 'korrigeraInskrivning':
                  if (!m.inskrivning) break;
                  m.inskrivning = daysLater(m.inskrivning, a.dagar);
                  await s.korrigeraInskrivningsdatum(m.id, m.inskrivning);
                  break;
                case 'korrigeraAvslut':
                  if (!m.avslut) break;
                  m.avslut = daysLater(m.avslut, a.dagar);
                  await s.korrigeraAvslut(m.id, { datum: m.avslut, avslutsorsak: a.orsak });
                  break;
                case 'aterkallaAvslut':
                  m.avslut = null;
                  await s.aterkallaAvslut(m.id);
                  break;
                case 'aterremittera':
                  await s.aterremittera(m.id, daysLater(m.remiss, Math.abs(a.dagar)));
                  break;
                case 'korrigeraPerson':
                  await s.korrigeraPersonuppgifter(m.id, { kon: a.kon, kommun: '0127' });
                  break;
                case 'korrigeraRemiss':
                  m.remiss = daysLater(m.remiss, a.dagar);
                  await s.korrigeraRemiss(m.id, { datum: m.remiss });
                  break;
                case 'makulera':
                  await s.makulera(m.id);
                  break;
                case 'uppfoljning':
                  await s.uppfoljning(
                    m.id,
                    daysLater(m.avslut ?? m.remiss, a.dagar),
                    a.manader,
                    a.s,
                  );
                  break;
                case 'utbildningsniva':
                  await s.kompletteraUtbildningsniva(m.id);
                  break;
                case 'annatForbund':
                  await annan.remiss(annanInsats, fran, 'af', { kon: 'man' }, ['lon']);
                  break;
                case 'grupp':
                  await s.andraInsats(insatser[a.insats]!, { grupp: 'Nya' });
                  break;
                case 'mal':
                  await s.forbundsmal(null, {
                    matt: 'deltagare',
                    fran: daysLater(fran, a.start),
                    till: daysLater(fran, a.start + a.langd),
                    varde: 3,
                  });
                  break;
                case 'volym':
                  await s.volym(insatser[0]!, fran, 2, 1);
                  break;
              }
            }
            await jamfor();
            // A round of deltaganden only is brought up to date, never counted whole again.
            if (!runda.some((a) => FALLBACK.has(a.typ))) {
              expect(cache.outcomes.full).toBe(before.full);
              expect(cache.outcomes.miss).toBe(before.miss);
            }
          }
          for (const [outcome, n] of Object.entries(cache.outcomes)) {
            tally[outcome as CacheOutcome] += n;
          }
        }),
        { numRuns: RUNS },
      );
      // The property held over reports that were brought up to date, not only counted whole.
      expect(tally.incremental).toBeGreaterThan(RUNS);
      if (process.env.KONTROLL_TALLY) console.log(tally);
    },
    Math.max(180_000, RUNS * 10_000),
  );
});

describe('AggregatCache: when it reuses, updates or counts the whole report', () => {
  let s: StatistikScenario;
  let insats: string;
  let deltaganden: string[];
  const query = () => ({ forbundId: s.forbund.id, fran: '2024-01-01', till: '2024-12-31' });

  beforeAll(async () => {
    s = await StatistikScenario.start();
    insats = await s.insats('Insats', 'individ', { grupp: 'Unga', ordning: 1 });
    deltaganden = [];
    for (const datum of ['2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01']) {
      deltaganden.push(await s.remiss(insats, datum, 'af', {}, ['a-kassa']));
    }
    await s.catchUp();
  });
  afterAll(async () => {
    await s?.close();
  });

  /** A service whose statements are counted: the report's own are those building JSON. */
  const counted = (
    options: { maxEvents?: number; checkpoint?: string } = {},
  ): { service: StatistikService; statements: () => number } => {
    let statements = 0;
    const proxy = Object.create(s.dataSource) as typeof s.dataSource;
    proxy.createQueryRunner = (mode) => {
      const runner = s.dataSource.createQueryRunner(mode);
      const query = runner.query.bind(runner);
      runner.query = ((sql: string, params?: unknown[]) => {
        if (sql.includes('json_build_object')) statements++;
        return query(sql, params);
      }) as typeof runner.query;
      return runner;
    };
    const service = new StatistikService(proxy, { cache: { events: s.store, ...options } });
    return { service, statements: () => statements };
  };
  const whole = async (): Promise<string> =>
    json(await new StatistikService(s.dataSource).report(query(), s.forbund));

  it('reuses the aggregates when nothing was applied since: no statement counts anything', async () => {
    const { service, statements } = counted();
    await service.report(query(), s.forbund);
    expect(statements()).toBe(3);
    const again = await service.report({ ...query(), aldersgrupper: undefined }, s.forbund);
    expect(statements()).toBe(3);
    expect(service.cache!.outcomes).toMatchObject({ miss: 1, same: 1 });
    expect(json(again)).toBe(await whole());
  });

  it('brings them up to date after deltaganden changed, without counting the report', async () => {
    const { service, statements } = counted();
    await service.report(query(), s.forbund);
    await s.avsluta(deltaganden[0]!, '2024-06-01', 'arbete', ['lon']);
    await s.makulera(deltaganden[1]!);
    await s.catchUp();
    const report = await service.report(query(), s.forbund);
    expect(statements()).toBe(3);
    expect(service.cache!.outcomes).toMatchObject({ miss: 1, incremental: 1 });
    expect(json(report)).toBe(await whole());
  });

  it('records the closing event’s position on every closed version', async () => {
    const rows = (await s.dataSource.query(
      `SELECT d.from_position::int AS fran, d.to_position::int AS till,
         (SELECT min(n.from_position)::int FROM deltagande_fakta n
          WHERE n.deltagande_id = d.deltagande_id AND n.from_position > d.from_position) AS nasta
       FROM deltagande_fakta d WHERE d.deltagande_id = ANY($1::uuid[]) AND d.recorded_to IS NOT NULL`,
      [deltaganden.slice(0, 2)],
    )) as { fran: number; till: number | null; nasta: number | null }[];
    // The avslut's successor began with the closing event; the makulering closed without one.
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row.till).not.toBeNull();
      if (row.nasta !== null) expect(row.till).toBe(row.nasta);
    }
    expect(rows.some((row) => row.nasta === null)).toBe(true);
  });

  it.each([
    ['an insats’s grupp', () => s.andraInsats(insats, { grupp: 'Äldre' })],
    [
      'a goal of the förbund',
      () => s.forbundsmal(null, { matt: 'nya', fran: '2024-01-01', till: '2024-06-30', varde: 2 }),
    ],
    ['a volym', () => s.volym(insats, '2024-03-01', 3, 2)],
  ])('counts the whole report again after %s changed', async (_what, change) => {
    const { service, statements } = counted();
    await service.report(query(), s.forbund);
    await s.inskriv(deltaganden[2]!, '2024-04-10', ['lon']);
    await change();
    await s.catchUp();
    const report = await service.report(query(), s.forbund);
    expect(statements()).toBe(6);
    expect(service.cache!.outcomes).toMatchObject({ miss: 1, full: 1, incremental: 0 });
    expect(json(report)).toBe(await whole());
  });

  it('counts the whole report again after more events than it looks through', async () => {
    const { service, statements } = counted({ maxEvents: 3 });
    await service.report(query(), s.forbund);
    for (const datum of ['2024-07-01', '2024-07-02', '2024-07-03', '2024-07-04']) {
      await s.remiss(insats, datum, 'fk', { kon: 'man' });
    }
    await s.catchUp();
    const report = await service.report(query(), s.forbund);
    expect(statements()).toBe(6);
    expect(service.cache!.outcomes).toMatchObject({ miss: 1, full: 1 });
    expect(json(report)).toBe(await whole());
  });

  it('counts the whole report again when the read models’ position went back', async () => {
    // A checkpoint row of its own, moved by hand (the read models' own is the runner's).
    await s.dataSource.query(
      `INSERT INTO projection_checkpoint (name, position) VALUES ('cache-test', 1000)`,
    );
    const { service, statements } = counted({ checkpoint: 'cache-test' });
    await service.report(query(), s.forbund);
    await s.dataSource.query(
      `UPDATE projection_checkpoint SET position = 999 WHERE name = 'cache-test'`,
    );
    const report = await service.report(query(), s.forbund);
    expect(statements()).toBe(6);
    expect(service.cache!.outcomes).toMatchObject({ miss: 1, full: 1 });
    expect(json(report)).toBe(await whole());
  });

  it('takes a closing position recorded before the column from the successor, or counts whole', async () => {
    // As versions closed before the migration: no to_position.
    await s.dataSource.query(
      `UPDATE deltagande_fakta SET to_position = NULL WHERE deltagande_id = ANY($1::uuid[])`,
      [deltaganden.slice(0, 2)],
    );
    const { service } = counted();
    await service.report(query(), s.forbund);
    // Closed by its successor: brought up to date.
    await s.korrigeraAvslut(deltaganden[0]!, { datum: '2024-06-15' });
    await s.catchUp();
    expect(json(await service.report(query(), s.forbund))).toBe(await whole());
    expect(service.cache!.outcomes).toMatchObject({ miss: 1, incremental: 1, full: 0 });
    // Makulerad without a successor, then registered again: its closing is not known.
    await s.inskriv(deltaganden[1]!, '2024-03-20', ['lon']);
    await s.catchUp();
    expect(json(await service.report(query(), s.forbund))).toBe(await whole());
    expect(service.cache!.outcomes).toMatchObject({ miss: 1, incremental: 1, full: 1 });
  });

  it('does not keep reports as of a moment', async () => {
    const { service, statements } = counted();
    const asOf = await s.now();
    await service.report({ ...query(), asOf }, s.forbund);
    await service.report({ ...query(), asOf }, s.forbund);
    expect(statements()).toBe(6);
    expect(service.cache!.size).toBe(0);
  });
});
