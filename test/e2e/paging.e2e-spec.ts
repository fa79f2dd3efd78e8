import { remissBody, startTestApp, type Caller, type TestApp } from '../support/test-app.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every page from the first, following nextCursor; returns the pages' items in order. */
const walk = async <T>(
  caller: Caller,
  path: string,
  limit: number,
  from: string | null = null,
): Promise<T[][]> => {
  const pages: T[][] = [];
  let cursor = from;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const query: string = `${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const { body } = (await caller.get(`${path}${query}`).expect(200)) as { body: Page<T> };
    expect(body.items.length).toBeLessThanOrEqual(limit);
    pages.push(body.items);
    cursor = body.nextCursor;
  } while (cursor !== null && pages.length < 100);
  return pages;
};

describe('Paged lists of deltaganden and users', () => {
  let t: TestApp;
  let insats: string;
  let personal: Caller;
  const registrerade: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    insats = await t.insats({ namn: 'Paginering' });
    personal = await t.user('personal', { insatser: [insats] });
    for (let i = 0; i < 5; i++) {
      const { body } = await personal
        .post(`/insatser/${insats}/deltaganden`, remissBody(i % 2 ? { inskrivning: {} } : {}))
        .expect(201);
      registrerade.push(body.id as string);
    }
    for (let i = 0; i < 4; i++) await t.user('kansli');
  });

  afterAll(async () => {
    await t.close();
  });

  describe('GET /insatser/:id/deltaganden', () => {
    it('answers {items, nextCursor} with at most 100 items by default', async () => {
      const { body } = await personal.get(`/insatser/${insats}/deltaganden`).expect(200);
      expect(Object.keys(body).sort()).toEqual(['items', 'nextCursor']);
      expect(body.items.map((d: { id: string }) => d.id).sort()).toEqual([...registrerade].sort());
      expect(body.nextCursor).toBeNull();
    });

    it('walks every deltagande exactly once, newest first, two at a time', async () => {
      const pages = await walk<{ id: string }>(personal, `/insatser/${insats}/deltaganden`, 2);
      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
      const { body: all } = await personal.get(`/insatser/${insats}/deltaganden`).expect(200);
      expect(pages.flat().map((d) => d.id)).toEqual(all.items.map((d: { id: string }) => d.id));
      expect(
        pages
          .flat()
          .map((d) => d.id)
          .sort(),
      ).toEqual([...registrerade].sort());
    });

    it('keeps the status filter on every page', async () => {
      const pages = await walk<{ id: string; status: string }>(
        personal,
        `/insatser/${insats}/deltaganden?status=inskriven`,
        1,
      );
      expect(pages.map((page) => page.length)).toEqual([1, 1]);
      expect(new Set(pages.flat().map((d) => d.status))).toEqual(new Set(['inskriven']));
    });

    it('neither repeats nor skips a deltagande when one is registered between pages', async () => {
      const first = await personal.get(`/insatser/${insats}/deltaganden?limit=2`).expect(200);
      await personal.post(`/insatser/${insats}/deltaganden`, remissBody()).expect(201);
      const rest = await walk<{ id: string }>(
        personal,
        `/insatser/${insats}/deltaganden`,
        2,
        first.body.nextCursor as string,
      );
      const seen = [...first.body.items, ...rest.flat()].map((d: { id: string }) => d.id);
      expect(seen.sort()).toEqual([...registrerade].sort());
    });

    it.each([['501'], ['0'], ['-1'], ['tva'], ['1.5']])(
      'answers 400 for limit=%s',
      async (limit) => {
        const { body } = await personal
          .get(`/insatser/${insats}/deltaganden?limit=${limit}`)
          .expect(400);
        expect(body.details.map((d: { field: string }) => d.field)).toEqual(['limit']);
      },
    );

    it.each([
      ['not base64url', 'inte%20en%20cursor'],
      ['base64url of garbage', Buffer.from('skräp').toString('base64url')],
      ['a key of the wrong shape', Buffer.from('["a"]').toString('base64url')],
      [
        'an impossible moment',
        Buffer.from(
          '["2025-02-30T00:00:00.000000Z","8f5b1a6e-2c1d-4e0a-9a7b-1c2d3e4f5a6b"]',
        ).toString('base64url'),
      ],
    ])('answers 400 for a cursor that is %s', async (_name, cursor) => {
      const { body } = await personal
        .get(`/insatser/${insats}/deltaganden?cursor=${cursor}`)
        .expect(400);
      expect(body.details).toEqual([
        { field: 'cursor', errors: ['cursor är ogiltig; börja om från första sidan'] },
      ]);
    });
  });

  describe('GET /users', () => {
    it('walks every user of the förbund exactly once, by e-mail, two at a time', async () => {
      const pages = await walk<{ id: string; email: string }>(t.admin, '/users', 2);
      const { body: all } = await t.admin.get('/users').expect(200);
      expect(all.nextCursor).toBeNull();
      // The admin, the personal and four kansli.
      expect(all.items).toHaveLength(6);
      expect(pages.map((page) => page.length)).toEqual([2, 2, 2]);
      const emails = pages.flat().map((u) => u.email);
      expect(emails).toEqual(all.items.map((u: { email: string }) => u.email));
      expect(emails).toEqual([...emails].sort());
      expect(new Set(pages.flat().map((u) => u.id)).size).toBe(6);
    });

    it('answers 400 for limit=501 and for a garbage cursor', async () => {
      const limit = await t.admin.get('/users?limit=501').expect(400);
      expect(limit.body.details).toEqual([
        { field: 'limit', errors: ['limit får inte vara större än 500'] },
      ]);
      const cursor = await t.admin
        .get(`/users?cursor=${Buffer.from('{"x":1}').toString('base64url')}`)
        .expect(400);
      expect(cursor.body.details).toEqual([
        { field: 'cursor', errors: ['cursor är ogiltig; börja om från första sidan'] },
      ]);
    });
  });
});
