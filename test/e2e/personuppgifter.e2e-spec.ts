import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Gallring } from '../../apps/api/src/personer/gallring.js';
import {
  avslutBody,
  remissBody,
  startTestApp,
  type Caller,
  type TestApp,
} from '../support/test-app.js';

const PNR_10 = '900101-0017';
const PNR_12 = '199001010017';
const NAMN = 'Astrid Lindqvist';
const SAMTYCKE = { datum: '2025-01-15' };

const personRemiss = (overrides: Record<string, unknown> = {}) =>
  remissBody({ person: { personnummer: PNR_10, namn: NAMN, samtycke: SAMTYCKE, ...overrides } });

/** Every column of every table, and every event, as text: nothing may read as the person. */
const scanDatabase = async (dataSource: DataSource): Promise<string> => {
  const tables: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const dumps = await Promise.all(
    tables.map(async ({ table_name }) => {
      const rows: { row: string }[] = await dataSource.query(
        `SELECT t::text AS row FROM "${table_name}" t`,
      );
      return rows.map((r) => r.row).join('\n');
    }),
  );
  return dumps.join('\n');
};

const readable = (text: string): string[] =>
  [PNR_10, PNR_12, PNR_10.replace('-', ''), NAMN, 'Lindqvist'].filter((secret) =>
    text.includes(secret),
  );

describe('personal data under samtycke', () => {
  let t: TestApp;
  let personal: Caller;
  let insats: string;
  let annan: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    insats = await t.insats({ namn: 'Balder' });
    annan = await t.insats({ namn: 'Ung i Tyresö' });
    personal = await t.user('personal', { insatser: [insats, annan] });
    dataSource = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => t.close());

  const persons = async (): Promise<number> =>
    Number((await dataSource.query('SELECT count(*) AS n FROM person'))[0].n);

  it('refuses personnummer without samtycke (422) and a malformed one (400), storing nothing', async () => {
    const before = (await t.events()).length;
    const refused = await personal
      .post(`/insatser/${insats}/deltaganden`, personRemiss({ samtycke: undefined }))
      .expect(422);
    expect(refused.body.details.code).toBe('PERSON.SAMTYCKE_SAKNAS');
    const noNumber = await personal
      .post(
        `/insatser/${insats}/deltaganden`,
        remissBody({ person: { namn: NAMN, samtycke: SAMTYCKE } }),
      )
      .expect(422);
    expect(noNumber.body.details.code).toBe('PERSON.PERSONNUMMER_SAKNAS');
    const malformed = await personal
      .post(`/insatser/${insats}/deltaganden`, personRemiss({ personnummer: '19900101-0018' }))
      .expect(400);
    expect(malformed.body.details).toEqual([
      {
        field: 'person.personnummer',
        errors: ['personnummer är inte ett giltigt person- eller samordningsnummer'],
      },
    ]);
    expect((await t.events()).length).toBe(before);
    expect(await persons()).toBe(0);
  });

  it('keeps personnummer and namn out of events and read models, and finds the person again by number', async () => {
    const first = await personal
      .post(`/insatser/${insats}/deltaganden`, personRemiss())
      .expect(201);
    const second = await personal
      .post(
        `/insatser/${annan}/deltaganden`,
        personRemiss({ personnummer: PNR_12, namn: undefined }),
      )
      .expect(201);
    const a = await personal.get(`/deltaganden/${first.body.id}`).expect(200);
    const b = await personal.get(`/deltaganden/${second.body.id}`).expect(200);
    expect(a.body.personId).toEqual(expect.any(String));
    expect(b.body.personId).toBe(a.body.personId);
    expect(a.body).toMatchObject({ personnummer: PNR_12, namn: NAMN });
    expect(JSON.stringify(a.body.historik)).not.toContain('0017');

    const events = JSON.stringify(await t.store.readAll({ after: 0, limit: 1000 }));
    expect(readable(events)).toEqual([]);
    expect(readable(await scanDatabase(dataSource))).toEqual([]);
  });

  it('refuses a second open deltagande of the same person in the same insats, keeping no orphan', async () => {
    const before = await persons();
    const refused = await personal
      .post(`/insatser/${insats}/deltaganden`, personRemiss())
      .expect(422);
    expect(refused.body.details.code).toBe('DELTAGANDE.OPPET_DELTAGANDE_FINNS');
    expect(await persons()).toBe(before);
    // A new person refused by a domain rule is not kept either.
    await personal
      .post(
        `/insatser/${insats}/deltaganden`,
        personRemiss({ personnummer: '19850505-0107', fodelsear: 1930 }),
      )
      .expect(422);
    expect(await persons()).toBe(before);
  });

  it('refuses to recall an avslut while the same person has another open deltagande in the insats', async () => {
    const pnr = { personnummer: '19850505-0107', namn: 'Cecilia Berg' };
    const first = await personal
      .post(`/insatser/${annan}/deltaganden`, personRemiss({ ...pnr, inskrivning: undefined }))
      .expect(201);
    await personal
      .post(`/deltaganden/${first.body.id}/inskrivning`, {
        datum: '2025-02-10',
        forsorjning: ['lon'],
        utbildningsniva: 'gymnasial',
        tidIOffentligForsorjning: 'ingen',
      })
      .expect(200);
    await personal.post(`/deltaganden/${first.body.id}/avslut`, avslutBody()).expect(200);
    // Closed, so the same person may be referred again.
    await personal.post(`/insatser/${annan}/deltaganden`, personRemiss(pnr)).expect(201);
    const refused = await personal
      .post(`/deltaganden/${first.body.id}/aterkalla-avslut`, { orsak: 'Av misstag' })
      .expect(422);
    expect(refused.body.details.code).toBe('DELTAGANDE.OPPET_DELTAGANDE_FINNS');
  });

  it('records each read, lists them for the admin, erases on request and leaves the statistics unchanged', async () => {
    const { body } = await personal
      .post(
        `/insatser/${insats}/deltaganden`,
        personRemiss({ personnummer: '20000229-0104', namn: 'Bo Ek' }),
      )
      .expect(201);
    const deltagande = await personal.get(`/deltaganden/${body.id}`).expect(200);
    const personId = deltagande.body.personId as string;
    expect(deltagande.body).toMatchObject({ personnummer: '200002290104', namn: 'Bo Ek' });

    const log = await t.admin.get(`/personer/${personId}/atkomst`).expect(200);
    expect(log.body).toEqual([
      {
        tidpunkt: expect.any(String),
        userId: expect.any(String),
        handling: 'last',
        deltagandeId: body.id,
      },
    ]);

    const kansli = await t.user('kansli');
    const statistikBefore = await kansli
      .get('/statistik?fran=2025-01-01&till=2025-12-31')
      .expect(200);
    const outsider = await t.user('personal', { insatser: [] });
    await outsider.delete(`/personer/${personId}`).expect(403);
    await personal.delete(`/personer/${personId}`).expect(204);
    await personal.delete(`/personer/${personId}`).expect(204); // idempotent

    const after = await personal.get(`/deltaganden/${body.id}`).expect(200);
    expect(after.body).toMatchObject({ personId, personnummer: null, namn: null });
    const statistikAfter = await kansli
      .get('/statistik?fran=2025-01-01&till=2025-12-31')
      .expect(200);
    const { asOf: _a, ...withoutAsOfBefore } = statistikBefore.body;
    const { asOf: _b, ...withoutAsOfAfter } = statistikAfter.body;
    expect(withoutAsOfAfter).toEqual(withoutAsOfBefore);

    const erased = await t.admin.get(`/personer/${personId}/atkomst`).expect(200);
    expect(erased.body.map((entry: { handling: string }) => entry.handling)).toEqual([
      'last',
      'raderad',
    ]);
    const dump = await scanDatabase(dataSource);
    expect(dump).not.toContain('200002290104');
    expect(dump).not.toContain('Bo Ek');
  });

  it('gallrar personal data months after the last deltagande ended, not while one is open', async () => {
    const old = await personal
      .post(
        `/insatser/${insats}/deltaganden`,
        remissBody({
          person: {
            personnummer: '19700101-0102',
            namn: 'Gammal Post',
            samtycke: { datum: '2022-01-01' },
          },
          remiss: { datum: '2024-01-10' },
          inskrivning: { datum: '2024-01-15' },
        }),
      )
      .expect(201);
    await personal
      .post(`/deltaganden/${old.body.id}/avslut`, avslutBody({ datum: '2024-02-01' }))
      .expect(200);
    const open = await personal.get(`/deltaganden/${old.body.id}`).expect(200);
    expect(open.body.namn).toBe('Gammal Post');

    const erased = await t.app.get(Gallring).run();

    expect(erased).toBe(1); // the persons of the earlier tests have open deltaganden
    const gone = await personal.get(`/deltaganden/${old.body.id}`).expect(200);
    expect(gone.body).toMatchObject({ personnummer: null, namn: null });
    const stillThere: { n: string }[] = await dataSource.query(
      'SELECT count(*) AS n FROM person WHERE erased_at IS NULL',
    );
    expect(Number(stillThere[0]!.n)).toBe(2); // Astrid and Cecilia, both with one open
  });

  it('never writes personnummer, namn, passwords or tokens to the app log', () => {
    const log = t.logs.join('\n');
    expect(readable(log)).toEqual([]);
    expect(log).not.toContain('ett-langt-losenord');
    expect(log).not.toContain(personal.token);
  });
});
