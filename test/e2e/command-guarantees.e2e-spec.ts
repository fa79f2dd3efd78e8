import { ProjectionRunner } from '#projections';
import {
  avslutBody,
  remissBody,
  startTestApp,
  type Caller,
  type TestApp,
} from '../support/test-app.js';

describe('what every command guarantees', () => {
  let t: TestApp;
  let personal: Caller;
  let insatsId: string;

  beforeAll(async () => {
    t = await startTestApp();
    insatsId = await t.insats();
    personal = await t.user('personal', { insatser: [insatsId] });
  });
  afterAll(() => t.close());

  const inskriven = async (): Promise<string> => {
    const { body } = await personal
      .post(`/insatser/${insatsId}/deltaganden`, remissBody({ inskrivning: {} }))
      .expect(201);
    return body.id as string;
  };

  it('answers 400 listing every bad field of a malformed body, and appends nothing', async () => {
    const before = (await t.events()).length;
    const response = await personal
      .post(`/insatser/${insatsId}/deltaganden`, {
        person: { kon: 'okand', fodelsear: 'nittio', kommun: '13' },
        remiss: { datum: '2025-02-30', remittent: 'af' },
        extra: true,
      })
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const fields = (response.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual([
      'extra',
      'person.fodelsear',
      'person.kommun',
      'person.kon',
      'remiss.datum',
    ]);
    expect((await t.events()).length).toBe(before);
  });

  it('answers 422 with the broken rule in Swedish, and appends nothing', async () => {
    const id = await inskriven();
    const before = (await t.events()).length;
    const response = await personal
      .post(`/deltaganden/${id}/avslut`, avslutBody({ datum: '2025-01-01' }))
      .expect(422);
    expect(response.body).toMatchObject({
      statusCode: 422,
      error: 'Unprocessable Entity',
      details: { code: expect.stringMatching(/^DELTAGANDE\./) },
    });
    expect(response.body.message).toMatch(/inskrivning/i);
    expect((await t.events()).length).toBe(before);
  });

  it('answers 412 to a stale If-Match and appends nothing', async () => {
    const id = await inskriven(); // revision 1
    const before = (await t.events()).length;
    const stale = await personal
      .post(`/deltaganden/${id}/avslut`, avslutBody())
      .set('If-Match', '"0"')
      .expect(412);
    expect(stale.body).toMatchObject({ statusCode: 412, details: { expected: 0, actual: 1 } });
    expect((await t.events()).length).toBe(before);
    await personal
      .post(`/deltaganden/${id}/avslut`, avslutBody())
      .set('If-Match', '"1"')
      .expect(200);
  });

  it('answers a retried Idempotency-Key with the first answer and appends nothing more', async () => {
    const first = await personal
      .post(`/insatser/${insatsId}/deltaganden`, remissBody())
      .set('Idempotency-Key', 'remiss-42')
      .expect(201);
    const after = (await t.events()).length;
    const retry = await personal
      .post(`/insatser/${insatsId}/deltaganden`, remissBody())
      .set('Idempotency-Key', 'remiss-42')
      .expect(201);
    expect(retry.body).toEqual(first.body);
    expect((await t.events()).length).toBe(after);

    const other = await personal
      .post(`/insatser/${insatsId}/deltaganden`, remissBody({ person: { kon: 'man' } }))
      .set('Idempotency-Key', 'remiss-42')
      .expect(422);
    expect(other.body.details.code).toBe('IDEMPOTENCY_KEY');
    expect((await t.events()).length).toBe(after);
  });

  it('lets exactly one of 16 parallel avslut on one deltagande through', async () => {
    const id = await inskriven();
    const responses = await Promise.all(
      Array.from({ length: 16 }, () => personal.post(`/deltaganden/${id}/avslut`, avslutBody())),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s >= 200 && s < 300)).toHaveLength(1);
    expect(statuses.every((s) => [200, 409, 422].includes(s))).toBe(true);
    const avslut = (await t.events()).filter(
      (e) => e.streamId === `deltagande-${id}` && e.type === 'DeltagareAvslutad',
    );
    expect(avslut).toHaveLength(1);
  });

  it('answers 404 for an unknown deltagande and 400 for a malformed id', async () => {
    await personal
      .post('/deltaganden/00000000-0000-4000-8000-000000000000/avslut', avslutBody())
      .expect(404);
    await personal.post('/deltaganden/inte-ett-id/avslut', avslutBody()).expect(400);
  });

  it('answers 400 to a malformed If-Match', async () => {
    const id = await inskriven();
    await personal
      .post(`/deltaganden/${id}/avslut`, avslutBody())
      .set('If-Match', 'nej')
      .expect(400);
  });
});

describe('read-your-writes when the projections are stuck', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('records the user and the caller’s correlation id in every event’s metadata', async () => {
    const insatsId = await t.insats();
    const staff = await t.user('personal', { insatser: [insatsId] });
    const { body } = await staff
      .post(`/insatser/${insatsId}/deltaganden`, remissBody({ inskrivning: {} }))
      .set('X-Correlation-Id', 'arende-2025-17')
      .expect(201);
    const events = await t.store.readStream(`deltagande-${body.id}`);
    const read = await staff.get(`/deltaganden/${body.id}`).expect(200);
    expect(events.map((e) => e.metadata)).toEqual([
      {
        userId: read.body.historik[0].userId,
        correlationId: 'arende-2025-17',
        causationId: expect.any(String),
      },
      {
        userId: read.body.historik[0].userId,
        correlationId: 'arende-2025-17',
        causationId: events[0]!.metadata.causationId,
      },
    ]);
  });

  it('answers 503 to a read that waits in vain for the projections to pass a write', async () => {
    await t.app.get(ProjectionRunner).stop();
    await t.insats({ namn: 'Efter stoppet' });
    const response = await t.admin.get('/insatser').expect(503);
    expect(response.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'Läsmodellerna har inte hunnit ikapp; försök igen om en stund',
    });
    const health = await t.http.get('/api/v1/health').expect(200);
    expect(health.body.projectionLag).toBeGreaterThan(0);
  }, 15_000);
});
