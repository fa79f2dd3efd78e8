import { ProjectionRunner } from '#projections';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  avslutBody,
  remissBody,
  startTestApp,
  type Caller,
  type TestApp,
} from '../support/test-app.js';

const PARALLEL = 16;
const ROUNDS = 5;
const SAMTYCKE = { datum: '2025-01-15' };

/** A valid personnummer (YYMMDD-NNNC, Luhn check digit) born on 1 March 1990 + n days. */
const personnummer = (n: number): string => {
  const day = String(1 + (n % 28)).padStart(2, '0');
  const month = String(3 + Math.floor(n / 28)).padStart(2, '0');
  const digits = `90${month}${day}${String(100 + n).padStart(3, '0')}`;
  const sum = [...digits].reduce((acc, digit, i) => {
    const product = Number(digit) * (i % 2 === 0 ? 2 : 1);
    return acc + Math.floor(product / 10) + (product % 10);
  }, 0);
  return `${digits.slice(0, 6)}-${digits.slice(6)}${(10 - (sum % 10)) % 10}`;
};

const personRemiss = (pnr: string, person: Record<string, unknown> = {}, inskriven = false) =>
  remissBody({
    person: { personnummer: pnr, samtycke: SAMTYCKE, ...person },
    ...(inskriven ? { inskrivning: {} } : {}),
  });

const tally = (statuses: number[]): Record<number, number> =>
  statuses.reduce<Record<number, number>>(
    (counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }),
    {},
  );

/* The lock lives in PostgreSQL, so it must hold with either event store. */
const STORES: [string, Record<string, string>][] = [
  ['PostgreSQL', {}],
  ...(process.env.KURRENTDB_URL
    ? [['KurrentDB', { EVENT_STORE: 'kurrentdb', KURRENTDB_URL: process.env.KURRENTDB_URL }]]
    : []),
] as [string, Record<string, string>][];

describe.each(STORES)('one person under concurrent commands (%s event store)', (_, env) => {
  let t: TestApp;
  let personal: Caller;
  let insatser: string[];
  let dataSource: DataSource;
  let pnrCount = 0;
  const nextPnr = (): string => personnummer(pnrCount++);

  beforeAll(async () => {
    t = await startTestApp(env);
    insatser = [];
    for (let i = 0; i < ROUNDS + 5; i++) insatser.push(await t.insats({ namn: `Insats ${i}` }));
    personal = await t.user('personal', { insatser });
    dataSource = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => t.close());

  const caughtUp = async (): Promise<void> => {
    const runner = t.app.get(ProjectionRunner);
    expect(await runner.waitUntil(await t.store.headPosition(), 10_000)).toBe(true);
  };

  /** The person's deltaganden in the read model, after the projections have caught up. */
  const readModel = async (
    personId: string,
  ): Promise<{ id: string; insats: string; status: string; kon: string; fodelsear: number }[]> => {
    await caughtUp();
    return dataSource.query(
      `SELECT id, insats_id AS insats, status, state->'person'->>'kon' AS kon,
              (state->'person'->>'fodelsear')::int AS fodelsear
       FROM deltagande WHERE person_id = $1 ORDER BY created_at`,
      [personId],
    );
  };

  /** The person's RemissMottagen events in the store, by insats. */
  const remisserInStore = async (personId: string): Promise<{ insats: string; kon: string }[]> => {
    const events = await t.store.readAll({ after: 0, limit: 100_000 });
    return events
      .filter((e) => e.type === 'RemissMottagen')
      .map((e) => e.data as { insatsId: string; person: { personId: string; kon: string } })
      .filter((data) => data.person.personId === personId)
      .map((data) => ({ insats: data.insatsId, kon: data.person.kon }));
  };

  const persons = async (): Promise<number> =>
    Number((await dataSource.query('SELECT count(*) AS n FROM person'))[0].n);

  const personIdOf = async (deltagandeId: string): Promise<string> => {
    const response = await personal.get(`/deltaganden/${deltagandeId}`).expect(200);
    return response.body.personId as string;
  };

  it(`lets exactly one of ${PARALLEL} parallel registrations of one personnummer in one insats through, round after round`, async () => {
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      const insats = insatser[round]!;
      const pnr = nextPnr();
      const personsBefore = await persons();
      const responses = await Promise.all(
        Array.from({ length: PARALLEL }, () =>
          personal.post(`/insatser/${insats}/deltaganden`, personRemiss(pnr)),
        ),
      );
      const created = responses.filter((r) => r.status === 201);
      const personId = created[0] ? await personIdOf(created[0].body.id as string) : '';
      const open = (await readModel(personId)).filter(
        (d) => d.insats === insats && ['remitterad', 'inskriven'].includes(d.status),
      );
      rounds.push({
        statuses: tally(responses.map((r) => r.status)),
        refusals: [
          ...new Set(
            responses.filter((r) => r.status === 422).map((r) => r.body.details?.code as string),
          ),
        ],
        openInReadModel: open.length,
        remisserInStore: (await remisserInStore(personId)).length,
        personsAdded: (await persons()) - personsBefore,
      });
    }
    expect(rounds).toEqual(
      Array.from({ length: ROUNDS }, () => ({
        statuses: { 201: 1, 422: PARALLEL - 1 },
        refusals: ['DELTAGANDE.OPPET_DELTAGANDE_FINNS'],
        openInReadModel: 1,
        remisserInStore: 1,
        personsAdded: 1,
      })),
    );
  });

  it('serves many persons at once without running out of connections: one deltagande each', async () => {
    const insats = insatser[ROUNDS + 4]!;
    const persons = Array.from({ length: PARALLEL }, () => nextPnr());
    const started = Date.now();
    const responses = await Promise.all(
      [...persons, ...persons].map((pnr) =>
        personal.post(`/insatser/${insats}/deltaganden`, personRemiss(pnr)),
      ),
    );
    expect(tally(responses.map((r) => r.status))).toEqual({ 201: PARALLEL, 422: PARALLEL });
    // Far below the lock timeout (10 s): nobody waited for a connection a waiter held.
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it(`stores no person when ${PARALLEL} parallel registrations of a new personnummer are all refused`, async () => {
    const pnr = nextPnr();
    const before = await persons();
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        personal.post(
          `/insatser/${insatser[0]}/deltaganden`,
          personRemiss(pnr, { fodelsear: 1930 }),
        ),
      ),
    );
    expect(tally(responses.map((r) => r.status))).toEqual({ 422: PARALLEL });
    expect(new Set(responses.map((r) => r.body.details.code))).toEqual(
      new Set(['DELTAGANDE.ALDER_UTANFOR_MALGRUPP']),
    );
    expect(await persons()).toBe(before);
  });

  it(`keeps one kön for a person when ${PARALLEL} parallel registrations with differing kön span two insatser`, async () => {
    const [a, b] = [insatser[ROUNDS]!, insatser[ROUNDS + 1]!];
    const pnr = nextPnr();
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        personal.post(
          `/insatser/${i % 2 === 0 ? a : b}/deltaganden`,
          personRemiss(pnr, { kon: Math.floor(i / 2) % 2 === 0 ? 'kvinna' : 'man' }),
        ),
      ),
    );
    expect(tally(responses.map((r) => r.status))).toEqual({ 201: 2, 422: PARALLEL - 2 });
    // Which rule refuses a loser depends on the order: the open deltagande or the kön.
    for (const refused of responses.filter((r) => r.status === 422))
      expect(['DELTAGANDE.OPPET_DELTAGANDE_FINNS', 'PERSON.UPPGIFTER_SKILJER_SIG']).toContain(
        refused.body.details.code,
      );

    const personId = await personIdOf(responses.find((r) => r.status === 201)!.body.id as string);
    const stored = await remisserInStore(personId);
    expect(stored.map((s) => s.insats).sort()).toEqual([a, b].sort());
    expect(new Set(stored.map((s) => s.kon)).size).toBe(1);
    const rows = await readModel(personId);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.kon).toBe(rows[1]!.kon);
  });

  it('lets only one of an återkallat avslut and a new registration racing in the same insats leave the person with an open deltagande', async () => {
    const insats = insatser[ROUNDS + 2]!;
    const outcomes = [];
    for (let round = 0; round < ROUNDS; round++) {
      const pnr = nextPnr();
      const first = await personal
        .post(`/insatser/${insats}/deltaganden`, personRemiss(pnr, {}, true))
        .expect(201);
      const id = first.body.id as string;
      await personal.post(`/deltaganden/${id}/avslut`, avslutBody()).expect(200);
      const [aterkallat, ny] = await Promise.all([
        personal.post(`/deltaganden/${id}/aterkalla-avslut`, { orsak: 'Avslutet var fel' }),
        personal.post(`/insatser/${insats}/deltaganden`, personRemiss(pnr)),
      ]);
      const personId = await personIdOf(id);
      const open = (await readModel(personId)).filter((d) =>
        ['remitterad', 'inskriven'].includes(d.status),
      );
      outcomes.push({
        succeeded: [aterkallat.status, ny.status].filter((s) => s < 300).length,
        open: open.length,
      });
      // The loser was refused by the rule, not by a crash or a timeout.
      const loser = [aterkallat, ny].find((r) => r.status >= 300)!;
      expect(loser.status).toBe(422);
      expect(loser.body.details.code).toBe('DELTAGANDE.OPPET_DELTAGANDE_FINNS');
    }
    expect(outcomes).toEqual(Array.from({ length: ROUNDS }, () => ({ succeeded: 1, open: 1 })));
  });

  it('applies a korrigering of kön and födelseår to every deltagande of the person, and refuses a new one with the old kön', async () => {
    const [a, b, c] = [insatser[0]!, insatser[1]!, insatser[ROUNDS + 3]!];
    const pnr = nextPnr();
    const avslutad = await personal
      .post(`/insatser/${a}/deltaganden`, personRemiss(pnr, {}, true))
      .expect(201);
    await personal.post(`/deltaganden/${avslutad.body.id}/avslut`, avslutBody()).expect(200);
    const makulerad = await personal
      .post(`/insatser/${c}/deltaganden`, personRemiss(pnr))
      .expect(201);
    await personal
      .post(`/deltaganden/${makulerad.body.id}/makulering`, { orsak: 'Fel person' })
      .expect(200);
    const oppen = await personal.post(`/insatser/${b}/deltaganden`, personRemiss(pnr)).expect(201);
    const personId = await personIdOf(oppen.body.id as string);

    await personal
      .post(`/deltaganden/${oppen.body.id}/korrigering`, {
        typ: 'person',
        kon: 'man',
        fodelsear: 1991,
        orsak: 'Fel kön och år vid registreringen',
      })
      .expect(200);

    const rows = await readModel(personId);
    expect(rows.map((r) => [r.status, r.kon, r.fodelsear])).toEqual([
      ['avslutad', 'man', 1991],
      ['makulerad', 'kvinna', 1990],
      ['remitterad', 'man', 1991],
    ]);
    const korrigerade = (await t.events()).filter((e) => e.type === 'PersonuppgifterKorrigerade');
    expect(korrigerade.map((e) => e.streamId).sort()).toEqual(
      [`deltagande-${avslutad.body.id}`, `deltagande-${oppen.body.id}`].sort(),
    );

    const refused = await personal
      .post(`/insatser/${c}/deltaganden`, personRemiss(pnr, { kon: 'kvinna', fodelsear: 1991 }))
      .expect(422);
    expect(refused.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message:
        'Personen är registrerad med kön Man i sina tidigare deltaganden (här angivet: Kvinna); korrigera personuppgifterna om de är fel',
      details: {
        code: 'PERSON.UPPGIFTER_SKILJER_SIG',
        falt: 'kon',
        tidigare: 'man',
        angivet: 'kvinna',
      },
    });
    await personal
      .post(`/insatser/${c}/deltaganden`, personRemiss(pnr, { kon: 'man', fodelsear: 1991 }))
      .expect(201);
  });

  it('completes a person korrigering that stopped half-way when it is sent again, without doubling any event', async () => {
    const pnr = nextPnr();
    const ids: string[] = [];
    for (const insats of [insatser[2]!, insatser[3]!, insatser[4]!]) {
      const response = await personal
        .post(`/insatser/${insats}/deltaganden`, personRemiss(pnr))
        .expect(201);
      ids.push(response.body.id as string);
    }
    const personId = await personIdOf(ids[0]!);
    // As if a first attempt on the third had corrected the first deltagande and then stopped.
    const stream = `deltagande-${ids[0]}`;
    await t.store.appendToStream(
      stream,
      [
        {
          type: 'PersonuppgifterKorrigerade',
          data: { orsak: 'Fel år', fodelsear: 1985 },
          metadata: { userId: 'test', correlationId: 'c', causationId: 'c' },
        },
      ],
      { expectedRevision: (await t.store.readStream(stream)).length - 1 },
    );

    await personal
      .post(`/deltaganden/${ids[2]}/korrigering`, {
        typ: 'person',
        fodelsear: 1985,
        orsak: 'Fel år',
      })
      .expect(200);

    expect((await readModel(personId)).map((r) => r.fodelsear)).toEqual([1985, 1985, 1985]);
    const korrigerade = (await t.events()).filter(
      (e) =>
        e.type === 'PersonuppgifterKorrigerade' &&
        ids.map((id) => `deltagande-${id}`).includes(e.streamId),
    );
    expect(korrigerade.map((e) => e.streamId)).toEqual(ids.map((id) => `deltagande-${id}`));
  });

  it('registers without personnummer with neither the person lock nor a wait for the projections', async () => {
    const runner = t.app.get(ProjectionRunner);
    await runner.stop();
    try {
      // The first registration moves the store's head past what the projections have seen.
      await personal.post(`/insatser/${insatser[0]}/deltaganden`, remissBody()).expect(201);
      const started = Date.now();
      await personal.post(`/insatser/${insatser[0]}/deltaganden`, remissBody()).expect(201);
      expect(Date.now() - started).toBeLessThan(1_000);
      // With a personnummer the registration needs the read model, which now lags.
      const withPnr = await personal.post(
        `/insatser/${insatser[0]}/deltaganden`,
        personRemiss(nextPnr()),
      );
      expect(withPnr.status).toBe(503);
    } finally {
      runner.start();
    }
  });
});
