import { remissBody, startTestApp, type Caller, type TestApp } from '../support/test-app.js';

/** `{"a":{"a":…1…}}` nested `depth` levels deep, as raw JSON text. */
const nested = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

type Case = [PromiseLike<{ status: number; body: { details?: unknown } }>, string];

const INSATS = {
  namn: 'Ung i Tyresö',
  inriktning: 'individinriktad',
  matmetod: 'individ',
  startdatum: '2024-01-01',
};

describe('Never 500 for what a client sent', () => {
  let t: TestApp;
  let insatsId: string;
  let volymInsatsId: string;
  let personal: Caller;
  let userId: string;

  beforeAll(async () => {
    t = await startTestApp();
    insatsId = await t.insats();
    volymInsatsId = await t.insats({ matmetod: 'volym', inriktning: 'strukturovergripande' });
    personal = await t.user('personal', { insatser: [insatsId, volymInsatsId] });
    const users = await t.admin.get('/users').expect(200);
    const list = users.body.items as { id: string }[];
    userId = list[list.length - 1].id;
  });
  afterAll(() => t.close());

  const eventCount = async (): Promise<number> => (await t.events()).length;

  /** Sends raw JSON text, as a client that builds its own body would. */
  const raw = (method: 'post' | 'put' | 'patch', path: string, text: string, token?: string) => {
    const test = t.http[method](`/api/v1${path}`).set('Content-Type', 'application/json');
    return (token ? test.set('Authorization', `Bearer ${token}`) : test).send(text);
  };

  describe('JSON bodies', () => {
    it('refuses JSON nested deeper than 32 levels with 400 on every endpoint, login included', async () => {
      const before = await eventCount();
      const deep = nested(5000);
      const answers = await Promise.all([
        raw('post', '/auth/token', deep),
        raw('post', '/auth/token', `{"email":"a@b.se","password":${deep}}`),
        raw('post', '/auth/token', '['.repeat(5000) + ']'.repeat(5000)),
        raw('post', '/insatser', `{"namn":${deep}}`, t.admin.token),
        raw('post', `/insatser/${insatsId}/deltaganden`, `{"person":${deep}}`, personal.token),
        raw('patch', `/users/${userId}`, `{"roll":${deep}}`, t.admin.token),
        raw('post', '/forbund', deep, t.admin.token),
      ]);
      for (const answer of answers) {
        expect(answer.body).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          message: 'Begäran är nästlad djupare än 32 nivåer',
        });
      }
      expect(await eventCount()).toBe(before);
    });

    it('lets 32 levels through to validation, and brackets inside strings do not count', async () => {
      const at32 = await raw('post', '/insatser', `{"namn":"x","a":${nested(31)}}`, t.admin.token);
      expect(at32.status).toBe(400);
      expect(at32.body.details).toContainEqual({ field: 'a', errors: ['fältet a är okänt'] });
      const inText = await t.admin.post('/insatser', { ...INSATS, namn: '[{'.repeat(100) });
      expect(inText.status).toBe(201);
    });

    it('answers malformed JSON with 400 and a Swedish message', async () => {
      const answer = await raw('post', '/insatser', '{"namn":', t.admin.token).expect(400);
      expect(answer.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Begäran är inte giltig JSON',
      });
    });

    it.each(['hasOwnProperty', 'toString', 'valueOf', 'constructor', '__proto__'])(
      'answers a refused body with a field named %s with 4xx, appending nothing',
      async (field) => {
        const before = await eventCount();
        const json = `{"namn":"x","${field}":{"a":1}}`;
        const answers = await Promise.all([
          raw('post', '/insatser', json, t.admin.token),
          raw('post', `/insatser/${insatsId}/deltaganden`, json, personal.token),
          raw('post', '/auth/token', `{"email":"a@b.se","password":"x","${field}":{"a":1}}`),
          t.admin
            .post('/insatser')
            .set('Content-Type', 'application/x-www-form-urlencoded')
            .send(`namn=x&${field}[a]=1`),
        ]);
        // The login fails as a wrong password does: the field never reaches anything.
        expect(answers.map((answer) => answer.status)).toEqual([400, 400, 401, 400]);
        expect(await eventCount()).toBe(before);
      },
    );

    it('answers a form-encoded body nested too deep with 400 in Swedish', async () => {
      const answer = await t.admin
        .post('/insatser')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(`namn${'[a]'.repeat(40)}=1`)
        .expect(400);
      expect(answer.body.message).toBe('Begäran är nästlad för djupt');
    });

    it('refuses a body over 100 kB with 413', async () => {
      const answer = await raw(
        'post',
        '/insatser',
        JSON.stringify({ ...INSATS, namn: 'a'.repeat(200_000) }),
        t.admin.token,
      ).expect(413);
      expect(answer.body).toEqual({
        statusCode: 413,
        error: 'Payload Too Large',
        message: 'Begäran är för stor',
      });
    });
  });

  describe('free text', () => {
    const BAD_TEXT: [string, string][] = [
      ['NUL', 'a\u0000b'],
      ['a lone surrogate', 'a\ud800b'],
      ['a control character', 'a\u0007b'],
      ['only spaces', '   '],
      ['only a zero-width space', '\u200b'],
      ['501 characters', 'a'.repeat(501)],
    ];

    it.each(BAD_TEXT)(
      'refuses %s in every free-text field with 400, appending nothing',
      async (_, text) => {
        const before = await eventCount();
        const deltagande = (
          await personal.post(`/insatser/${insatsId}/deltaganden`, remissBody()).expect(201)
        ).body.id as string;
        const afterSetup = await eventCount();
        expect(afterSetup).toBeGreaterThan(before);
        const cases: Case[] = [
          [t.admin.post('/insatser', { ...INSATS, namn: text }), 'namn'],
          [t.admin.post('/insatser', { ...INSATS, utforare: text }), 'utforare'],
          [t.admin.post('/insatser', { ...INSATS, malgrupp: text }), 'malgrupp'],
          [
            personal.post(`/insatser/${volymInsatsId}/volym`, {
              datum: '2025-01-01',
              kvinnor: 1,
              man: 1,
              aktivitet: text,
            }),
            'aktivitet',
          ],
          [
            personal.post(
              `/insatser/${insatsId}/deltaganden`,
              remissBody({ remiss: { remittentEnhet: text } }),
            ),
            'remiss.remittentEnhet',
          ],
          [
            personal.post(
              `/insatser/${insatsId}/deltaganden`,
              remissBody({
                person: {
                  personnummer: '19900101-0017',
                  namn: text,
                  samtycke: { datum: '2025-01-01' },
                },
              }),
            ),
            'person.namn',
          ],
          [personal.post(`/deltaganden/${deltagande}/makulering`, { orsak: text }), 'orsak'],
          // A korrigering may clear the enhet: spaces trim to that empty value.
          ...(text.trim() === ''
            ? []
            : [
                [
                  personal.post(`/deltaganden/${deltagande}/korrigering`, {
                    typ: 'remiss',
                    orsak: 'fel enhet',
                    remittentEnhet: text,
                  }),
                  'remittentEnhet',
                ] as Case,
              ]),
          [
            t.admin.post('/forbund', {
              namn: text,
              admin: { email: 'ny@forbund.se', password: 'ett-langt-losenord' },
            }),
            'namn',
          ],
        ];
        for (const [request, field] of cases) {
          const answer = await request;
          expect([field, answer.status]).toEqual([field, 400]);
          expect(answer.body.details).toContainEqual(expect.objectContaining({ field }));
        }
        expect(await eventCount()).toBe(afterSetup);
      },
    );

    it('stores free text trimmed', async () => {
      const id = await t.insats({ namn: '  Jobbspåret \t', utforare: ' Kommunen ' });
      const insats = await t.admin.get(`/insatser/${id}`).expect(200);
      expect([insats.body.namn, insats.body.utforare]).toEqual(['Jobbspåret', 'Kommunen']);
    });

    it('allows line breaks in an orsak, typed in a multi-line field', async () => {
      const deltagande = (
        await personal.post(`/insatser/${insatsId}/deltaganden`, remissBody()).expect(201)
      ).body.id as string;
      await personal
        .post(`/deltaganden/${deltagande}/makulering`, {
          orsak: 'Fel person.\r\nRegistrerad två gånger.',
        })
        .expect(200);
    });
  });

  describe('e-mail addresses', () => {
    it.each([
      ['a lone surrogate', '\ud800@forbundet.se'],
      ['NUL', 'a\u0000@forbundet.se'],
      ['255 characters', `${'a'.repeat(240)}@forbundet.se`],
      ['no text', 42],
    ])('refuses %s with 400 at login, new user and new förbund', async (_, email) => {
      const login = await t.http
        .post('/api/v1/auth/token')
        .send({ email, password: 'x'.repeat(12) });
      const user = await t.admin.post('/users', {
        email,
        password: 'ett-langt-losenord',
        roll: 'kansli',
      });
      const forbund = await t.admin.post('/forbund', {
        namn: 'Nytt förbund',
        admin: { email, password: 'ett-langt-losenord' },
      });
      expect([login.status, user.status, forbund.status]).toEqual([400, 400, 400]);
      expect(login.body.details).toEqual([
        { field: 'email', errors: ['email måste vara en e-postadress'] },
      ]);
    });
  });

  describe('required and nested objects', () => {
    it.each([
      ['{}', {}, ['person', 'remiss']],
      ['no person', { remiss: { datum: '2025-02-03', remittent: 'af' } }, ['person']],
      ['no remiss', { person: { kon: 'kvinna', fodelsear: 1990, kommun: '0138' } }, ['remiss']],
      ['person as a list', { ...remissBody(), person: [] }, ['person']],
      ['remiss as text', { ...remissBody(), remiss: 'af' }, ['remiss']],
      ['inskrivning as a list', { ...remissBody(), inskrivning: [] }, ['inskrivning']],
      [
        'samtycke as a list',
        remissBody({ person: { personnummer: '19900101-0017', samtycke: [] } }),
        ['person.samtycke'],
      ],
    ])('refuses a registrering with %s, listing the fields', async (_, body, fields) => {
      const before = await eventCount();
      const answer = await personal
        .post(`/insatser/${insatsId}/deltaganden`, body as object)
        .expect(400);
      const listed = (answer.body.details as { field: string }[]).map((d) => d.field);
      expect([...new Set(listed)]).toEqual(fields);
      expect(await eventCount()).toBe(before);
    });

    it.each([
      ['no admin', { namn: 'x' }],
      ['admin as a list', { namn: 'x', admin: [] }],
      ['admin as null', { namn: 'x', admin: null }],
    ])('refuses a förbund with %s', async (_, body) => {
      const answer = await t.admin.post('/forbund', body).expect(400);
      expect((answer.body.details as { field: string }[]).map((d) => d.field)).toContain('admin');
    });

    it('refuses PATCH /users/:id without a field to change', async () => {
      const answer = await t.admin.patch(`/users/${userId}`, {}).expect(400);
      expect(answer.body.message).toBe('Ange minst ett fält att ändra: roll eller insatser');
    });
  });

  describe('query strings, path parameters and headers', () => {
    it('answers repeated or bracketed query parameters with 400', async () => {
      const paths: [Caller, string][] = [
        [personal, `/insatser/${insatsId}/deltaganden?status=inskriven&status=avslutad`],
        [personal, `/insatser/${insatsId}/deltaganden?status[]=inskriven`],
        [t.admin, `/statistik?fran[]=2025-01-01&till=2025-12-31`],
        [t.admin, `/statistik?fran=2025-01-01&fran=2025-01-02&till=2025-12-31`],
        [t.admin, `/statistik?fran=2025-01-01&till=2025-12-31&skydda=true&skydda=false`],
      ];
      for (const [caller, path] of paths) {
        const answer = await caller.get(path);
        expect([path, answer.status]).toEqual([path, 400]);
      }
    });

    it('answers path parameters that are not ids with 400', async () => {
      const paths = [`/insatser/x`, `/deltaganden/%00`, `/deltaganden/${'9'.repeat(500)}`];
      for (const path of paths) {
        const answer = await personal.get(path);
        expect([path, answer.status]).toEqual([path, 400]);
      }
      await personal.post('/deltaganden/%ZZ/avslut', {}).expect(400);
    });

    it.each([['x'], ['99999999999999999999999'], ['-1'], ['"1"x'], ['1.5']])(
      'answers If-Match %s with 400',
      async (ifMatch) => {
        const answer = await personal
          .post(`/insatser/${volymInsatsId}/volym`, { datum: '2025-01-01', kvinnor: 1, man: 1 })
          .set('If-Match', ifMatch)
          .expect(400);
        expect(answer.body.details).toEqual([
          { field: 'If-Match', errors: ['måste vara en revision, t.ex. "3"'] },
        ]);
      },
    );

    it('takes an Idempotency-Key of any printable characters', async () => {
      const body = { datum: '2025-01-02', kvinnor: 1, man: 1 };
      const first = await personal
        .post(`/insatser/${volymInsatsId}/volym`, body)
        .set('Idempotency-Key', 'nyckel åäö ÿ \t!')
        .expect(201);
      const again = await personal
        .post(`/insatser/${volymInsatsId}/volym`, body)
        .set('Idempotency-Key', 'nyckel åäö ÿ \t!')
        .expect(201);
      expect(again.body).toEqual(first.body);
    });
  });
});
