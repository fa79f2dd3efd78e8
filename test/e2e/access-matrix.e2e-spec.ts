import { randomUUID } from 'node:crypto';
import {
  avslutBody,
  inskrivningBody,
  remissBody,
  startTestApp,
  type Caller,
  type TestApp,
} from '../support/test-app.js';

type Role = 'admin' | 'kansli' | 'personal';
type Target = 'egen insats' | 'annan insats' | 'annat förbund';
const ROLES: Role[] = ['admin', 'kansli', 'personal'];
const TARGETS: Target[] = ['egen insats', 'annan insats', 'annat förbund'];

/** What each call needs in the target insats: fresh deltaganden in the right state. */
interface Fixture {
  insats: string;
  remitterad(): Promise<string>;
  inskriven(): Promise<string>;
  avslutad(): Promise<string>;
  /** A person registered with personnummer in the insats (the same one every call). */
  person(): Promise<string>;
}

interface Endpoint {
  name: string;
  call(caller: Caller, target: Fixture): Promise<{ status: number }>;
  /** Expected status per role, per target (egen, annan, annat förbund). */
  expected: Record<Role, [number, number, number]>;
}

/** A valid goal: a count for the calendar year 2025. */
const MAL = { matt: 'nya', fran: '2025-01-01', till: '2025-12-31', varde: 20 };

const ENDPOINTS: Endpoint[] = [
  {
    name: 'GET /insatser/:id',
    call: (c, f) => c.get(`/insatser/${f.insats}`),
    expected: { admin: [200, 200, 404], kansli: [200, 200, 404], personal: [200, 403, 404] },
  },
  {
    name: 'PUT /insatser/:id/arsmal/:ar',
    call: (c, f) =>
      c.put(`/insatser/${f.insats}/arsmal/2025`, {
        deltagare: 5,
        nyaDeltagare: 4,
        andelArbeteStudier: 0.3,
      }),
    expected: { admin: [200, 200, 404], kansli: [403, 403, 403], personal: [403, 403, 403] },
  },
  {
    name: 'GET /insatser/:id/mal',
    call: (c, f) => c.get(`/insatser/${f.insats}/mal`),
    expected: { admin: [200, 200, 404], kansli: [200, 200, 404], personal: [403, 403, 403] },
  },
  {
    name: 'PUT /insatser/:id/mal/:malId',
    call: (c, f) => c.put(`/insatser/${f.insats}/mal/${randomUUID()}`, MAL),
    expected: { admin: [200, 200, 404], kansli: [403, 403, 403], personal: [403, 403, 403] },
  },
  {
    name: 'DELETE /insatser/:id/mal/:malId (an unknown goal: the rule answers 422)',
    call: (c, f) => c.delete(`/insatser/${f.insats}/mal/${randomUUID()}`),
    expected: { admin: [422, 422, 404], kansli: [403, 403, 403], personal: [403, 403, 403] },
  },
  {
    name: 'PUT /insatser/:id/ekonomi/:ar',
    call: (c, f) => c.put(`/insatser/${f.insats}/ekonomi/2025`, { budget: 100_000 }),
    expected: { admin: [200, 200, 404], kansli: [403, 403, 403], personal: [403, 403, 403] },
  },
  {
    name: 'POST /insatser/:id/volym (an individ insats: the rule answers 422)',
    call: (c, f) =>
      c.post(`/insatser/${f.insats}/volym`, { datum: '2025-03-01', kvinnor: 1, man: 1 }),
    expected: { admin: [403, 403, 403], kansli: [403, 403, 403], personal: [422, 403, 404] },
  },
  {
    name: 'POST /insatser/:id/deltaganden',
    call: (c, f) => c.post(`/insatser/${f.insats}/deltaganden`, remissBody()),
    expected: { admin: [403, 403, 403], kansli: [403, 403, 403], personal: [201, 403, 404] },
  },
  {
    name: 'GET /insatser/:id/deltaganden',
    call: (c, f) => c.get(`/insatser/${f.insats}/deltaganden`),
    expected: { admin: [403, 403, 403], kansli: [403, 403, 403], personal: [200, 403, 404] },
  },
  {
    name: 'GET /deltaganden/:id',
    call: async (c, f) => c.get(`/deltaganden/${await f.remitterad()}`),
    expected: { admin: [403, 403, 403], kansli: [403, 403, 403], personal: [200, 403, 404] },
  },
  {
    name: 'POST /deltaganden/:id/aterremiss',
    call: async (c, f) =>
      c.post(`/deltaganden/${await f.remitterad()}/aterremiss`, {
        datum: '2025-02-05',
        orsak: 'Annan plan',
      }),
    expected: { admin: [403, 403, 403], kansli: [403, 403, 403], personal: [200, 403, 404] },
  },
  {
    name: 'POST /deltaganden/:id/inskrivning',
    call: async (c, f) =>
      c.post(`/deltaganden/${await f.remitterad()}/inskrivning`, inskrivningBody()),
    expected: { admin: [403, 403, 403], kansli: [403, 403, 403], personal: [200, 403, 404] },
  },
  {
    name: 'POST /deltaganden/:id/avslut',
    call: async (c, f) => c.post(`/deltaganden/${await f.inskriven()}/avslut`, avslutBody()),
    expected: { admin: [403, 403, 403], kansli: [403, 403, 403], personal: [200, 403, 404] },
  },
  {
    name: 'POST /deltaganden/:id/uppfoljning',
    call: async (c, f) =>
      c.post(`/deltaganden/${await f.avslutad()}/uppfoljning`, {
        datum: '2025-12-30',
        manaderEfterAvslut: 6,
        sysselsattning: 'studier',
        forsorjning: ['studiestod'],
      }),
    expected: { admin: [403, 403, 403], kansli: [403, 403, 403], personal: [200, 403, 404] },
  },
  {
    name: 'POST /deltaganden/:id/korrigering',
    call: async (c, f) =>
      c.post(`/deltaganden/${await f.inskriven()}/korrigering`, {
        typ: 'person',
        orsak: 'Fel',
        kommun: '0180',
      }),
    expected: { admin: [403, 403, 403], kansli: [403, 403, 403], personal: [200, 403, 404] },
  },
  {
    name: 'POST /deltaganden/:id/aterkalla-avslut',
    call: async (c, f) =>
      c.post(`/deltaganden/${await f.avslutad()}/aterkalla-avslut`, { orsak: 'Misstag' }),
    expected: { admin: [403, 403, 403], kansli: [403, 403, 403], personal: [200, 403, 404] },
  },
  {
    name: 'POST /deltaganden/:id/makulering',
    call: async (c, f) =>
      c.post(`/deltaganden/${await f.remitterad()}/makulering`, { orsak: 'Dubblett' }),
    expected: { admin: [403, 403, 403], kansli: [403, 403, 403], personal: [200, 403, 404] },
  },
  {
    name: 'PATCH /insatser/:id',
    call: (c, f) => c.patch(`/insatser/${f.insats}`, { grupp: 'Matrisen' }),
    expected: { admin: [200, 200, 404], kansli: [403, 403, 403], personal: [403, 403, 403] },
  },
  {
    // Every target has open deltaganden by now (the rows above made them): the rule answers 422.
    name: 'POST /insatser/:id/avslut (open deltaganden: the rule answers 422)',
    call: (c, f) => c.post(`/insatser/${f.insats}/avslut`, { slutdatum: '2025-12-31' }),
    expected: { admin: [422, 422, 404], kansli: [403, 403, 403], personal: [403, 403, 403] },
  },
  {
    name: 'GET /personer/:id/atkomst',
    call: async (c, f) => c.get(`/personer/${await f.person()}/atkomst`),
    expected: { admin: [200, 200, 404], kansli: [403, 403, 403], personal: [403, 403, 403] },
  },
  {
    name: 'DELETE /personer/:id (idempotent)',
    call: async (c, f) => c.delete(`/personer/${await f.person()}`),
    expected: { admin: [204, 204, 404], kansli: [403, 403, 403], personal: [204, 403, 404] },
  },
  {
    name: 'GET /statistik/underlag?insats=:id',
    call: (c, f) =>
      c.get(`/statistik/underlag?fran=2025-01-01&till=2025-12-31&matt=aktuella&insats=${f.insats}`),
    expected: { admin: [200, 200, 404], kansli: [200, 200, 404], personal: [403, 403, 403] },
  },
  {
    name: 'GET /statistik/export?insats=:id',
    call: (c, f) =>
      c.get(`/statistik/export?fran=2025-01-01&till=2025-12-31&format=csv&insats=${f.insats}`),
    expected: { admin: [200, 200, 404], kansli: [200, 200, 404], personal: [403, 403, 403] },
  },
  {
    name: 'GET /statistik/forandringar?insats=:id',
    call: (c, f) =>
      c.get(
        `/statistik/forandringar?fran=2025-01-01&till=2025-12-31&fore=2020-01-01T00:00:00Z&efter=2020-06-01T00:00:00Z&insats=${f.insats}`,
      ),
    expected: { admin: [200, 200, 404], kansli: [200, 200, 404], personal: [403, 403, 403] },
  },
  {
    name: 'GET /datakvalitet?insats=:id',
    call: (c, f) => c.get(`/datakvalitet?fran=2025-01-01&till=2025-12-31&insats=${f.insats}`),
    expected: { admin: [200, 200, 404], kansli: [200, 200, 404], personal: [200, 403, 404] },
  },
  {
    name: 'GET /statistik?insats=:id',
    call: (c, f) => c.get(`/statistik?fran=2025-01-01&till=2025-12-31&insats=${f.insats}`),
    expected: { admin: [200, 200, 404], kansli: [200, 200, 404], personal: [403, 403, 403] },
  },
];

/** The caller of each role, set up in beforeAll. */
const callers = {} as Record<Role, Caller>;

/** Calls that name no insats: one status per role. */
const UNTARGETED: {
  name: string;
  call(c: Caller): Promise<{ status: number }>;
  expected: Record<Role, number>;
}[] = [
  {
    name: 'GET /rapporter',
    call: (c) => c.get('/rapporter'),
    expected: { admin: 200, kansli: 200, personal: 403 },
  },
  {
    name: 'GET /datakvalitet',
    call: (c) => c.get('/datakvalitet?fran=2025-01-01&till=2025-12-31'),
    expected: { admin: 200, kansli: 200, personal: 200 },
  },
  {
    name: 'GET /insatser',
    call: (c) => c.get('/insatser'),
    expected: { admin: 200, kansli: 200, personal: 200 },
  },
  {
    name: 'POST /insatser',
    call: (c) =>
      c.post('/insatser', {
        namn: 'Ny',
        inriktning: 'individinriktad',
        matmetod: 'individ',
        startdatum: '2024-01-01',
      }),
    expected: { admin: 201, kansli: 403, personal: 403 },
  },
  {
    name: 'GET /forbund/mal',
    call: (c) => c.get('/forbund/mal'),
    expected: { admin: 200, kansli: 200, personal: 403 },
  },
  {
    name: 'PUT /forbund/mal/:malId',
    call: (c) => c.put(`/forbund/mal/${randomUUID()}`, MAL),
    expected: { admin: 200, kansli: 403, personal: 403 },
  },
  {
    name: 'DELETE /forbund/mal/:malId (an unknown goal: the rule answers 422)',
    call: (c) => c.delete(`/forbund/mal/${randomUUID()}`),
    expected: { admin: 422, kansli: 403, personal: 403 },
  },
  {
    name: 'PUT /grupper/:grupp/mal/:malId (a grupp no insats has: 404)',
    call: (c) => c.put(`/grupper/Ingen/mal/${randomUUID()}`, MAL),
    expected: { admin: 404, kansli: 403, personal: 403 },
  },
  {
    name: 'DELETE /grupper/:grupp/mal/:malId (an unknown goal: the rule answers 422)',
    call: (c) => c.delete(`/grupper/Ingen/mal/${randomUUID()}`),
    expected: { admin: 422, kansli: 403, personal: 403 },
  },
  {
    name: 'POST /users',
    call: (c) =>
      c.post('/users', {
        email: `u${Math.random()}@forbundet.se`,
        password: 'ett-langt-losenord',
        roll: 'kansli',
      }),
    expected: { admin: 201, kansli: 403, personal: 403 },
  },
  {
    name: 'POST /forbund (only the systemadmin)',
    call: (c) =>
      c.post('/forbund', {
        namn: 'X',
        admin: { email: `f${Math.random()}@x.se`, password: 'ett-langt-losenord' },
      }),
    expected: { admin: 403, kansli: 403, personal: 403 },
  },
  {
    name: 'GET /statistik',
    call: (c) => c.get('/statistik?fran=2025-01-01&till=2025-12-31'),
    expected: { admin: 200, kansli: 200, personal: 403 },
  },
  {
    name: 'GET /auth/me',
    call: (c) => c.get('/auth/me'),
    expected: { admin: 200, kansli: 200, personal: 200 },
  },
  {
    name: 'GET /users',
    call: (c) => c.get('/users'),
    expected: { admin: 200, kansli: 403, personal: 403 },
  },
  {
    name: 'PATCH /users/:id (the kansli user)',
    call: async (c) =>
      c.patch(`/users/${(await callers.kansli.get('/auth/me')).body.id}`, { insatser: [] }),
    expected: { admin: 200, kansli: 403, personal: 403 },
  },
  {
    name: 'POST /auth/logout (last: it revokes each caller’s token)',
    call: async (c) => c.post('/auth/logout'),
    expected: { admin: 204, kansli: 204, personal: 204 },
  },
];

describe('the access matrix: every endpoint as every role against every target', () => {
  let t: TestApp;
  const fixtures = {} as Record<Target, Fixture>;

  const fixture = (insats: string, staff: Caller, personnummer: string): Fixture => {
    let personId: Promise<string> | undefined;
    const person = (): Promise<string> =>
      (personId ??= (async () => {
        const created = await staff
          .post(
            `/insatser/${insats}/deltaganden`,
            remissBody({ person: { personnummer, samtycke: { datum: '2025-01-15' } } }),
          )
          .expect(201);
        return (await staff.get(`/deltaganden/${created.body.id}`).expect(200)).body.personId;
      })());
    const remitterad = async (): Promise<string> =>
      (await staff.post(`/insatser/${insats}/deltaganden`, remissBody()).expect(201)).body.id;
    const inskriven = async (): Promise<string> =>
      (
        await staff
          .post(`/insatser/${insats}/deltaganden`, remissBody({ inskrivning: {} }))
          .expect(201)
      ).body.id;
    const avslutad = async (): Promise<string> => {
      const id = await inskriven();
      await staff.post(`/deltaganden/${id}/avslut`, avslutBody()).expect(200);
      return id;
    };
    return { insats, remitterad, inskriven, avslutad, person };
  };

  beforeAll(async () => {
    t = await startTestApp();
    const own = await t.insats({ namn: 'Egen' });
    const other = await t.insats({ namn: 'Annan' });
    callers.admin = await t.user('admin');
    callers.kansli = await t.user('kansli');
    callers.personal = await t.user('personal', { insatser: [own] });
    const otherStaff = await t.user('personal', { insatser: [other] });

    await t.admin
      .post('/forbund', {
        namn: 'Annat förbund',
        admin: { email: 'a@annat.se', password: 'annat-losenord-1' },
      })
      .expect(201);
    const foreignAdmin = await t.login('a@annat.se', 'annat-losenord-1');
    const foreign = await t.insats({ namn: 'Främmande' }, foreignAdmin);
    const foreignStaff = await t.user('personal', { insatser: [foreign], admin: foreignAdmin });

    fixtures['egen insats'] = fixture(own, callers.personal, '19850505-0107');
    fixtures['annan insats'] = fixture(other, otherStaff, '20000229-0104');
    fixtures['annat förbund'] = fixture(foreign, foreignStaff, '19700101-0102');
  });
  afterAll(() => t.close());

  it(`answers each of the ${ENDPOINTS.length * 9 + UNTARGETED.length * 3} cells with its status`, async () => {
    const actual: string[] = [];
    const expected: string[] = [];
    for (const endpoint of ENDPOINTS) {
      for (const role of ROLES) {
        for (const [index, target] of TARGETS.entries()) {
          const response = await endpoint.call(callers[role], fixtures[target]);
          actual.push(`${endpoint.name} as ${role} on ${target}: ${response.status}`);
          expected.push(
            `${endpoint.name} as ${role} on ${target}: ${endpoint.expected[role][index]}`,
          );
        }
      }
    }
    for (const endpoint of UNTARGETED) {
      for (const role of ROLES) {
        const response = await endpoint.call(callers[role]);
        actual.push(`${endpoint.name} as ${role}: ${response.status}`);
        expected.push(`${endpoint.name} as ${role}: ${endpoint.expected[role]}`);
      }
    }
    expect(actual).toEqual(expected);
  });

  it('answers 401 on every endpoint without a token', async () => {
    const anonymous: Caller = {
      token: '',
      get: (path) => t.http.get(`/api/v1${path}`),
      post: (path, body) => t.http.post(`/api/v1${path}`).send(body ?? {}),
      put: (path, body) => t.http.put(`/api/v1${path}`).send(body ?? {}),
      delete: (path) => t.http.delete(`/api/v1${path}`),
      patch: (path, body) => t.http.patch(`/api/v1${path}`).send(body ?? {}),
    };
    // Any id will do: the token is checked before anything else.
    const anyId = async (): Promise<string> => fixtures['egen insats'].insats;
    const target: Fixture = {
      insats: fixtures['egen insats'].insats,
      remitterad: anyId,
      inskriven: anyId,
      avslutad: anyId,
      person: anyId,
    };
    const statuses = new Set<number>();
    for (const endpoint of ENDPOINTS) statuses.add((await endpoint.call(anonymous, target)).status);
    for (const endpoint of UNTARGETED) statuses.add((await endpoint.call(anonymous)).status);
    expect([...statuses]).toEqual([401]);
  });
});
