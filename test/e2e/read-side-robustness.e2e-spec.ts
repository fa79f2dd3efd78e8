import { setTimeout as sleep } from 'node:timers/promises';
import { startTestApp, type Caller, type TestApp } from '../support/test-app.js';
import { appendUnstorableVolym } from '../support/poison-event.js';

const VOLYMINSATS = {
  namn: 'Öppen mötesplats',
  inriktning: 'strukturovergripande',
  matmetod: 'volym',
};

/** A read that answers within a second: not the 5 s wait for projections that never come. */
const promptly = async (request: Promise<{ status: number }>): Promise<number> => {
  const started = Date.now();
  const { status } = await request;
  expect(Date.now() - started).toBeLessThan(1_000);
  return status;
};

describe('numbers the read models cannot hold are refused at the boundary', () => {
  let t: TestApp;
  let insats: string;
  let staff: Caller;

  beforeAll(async () => {
    t = await startTestApp();
    insats = await t.insats(VOLYMINSATS);
    staff = await t.user('personal', { insatser: [insats] });
  });
  afterAll(() => t.close());

  it('refuses a volym count above 1,000,000 (400) and reads keep answering at once', async () => {
    const refused = await staff
      .post(`/insatser/${insats}/volym`, { datum: '2025-03-01', kvinnor: 2147483648, man: 0 })
      .expect(400);
    expect(refused.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Ogiltig begäran: kvinnor',
      details: [{ field: 'kvinnor', errors: ['kvinnor får inte vara större än 1000000'] }],
    });
    await staff
      .post(`/insatser/${insats}/volym`, {
        datum: '2025-03-01',
        kvinnor: 1_000_000,
        man: 1_000_000,
        ejAngivet: 1_000_000,
      })
      .expect(201);
    expect(await promptly(staff.get(`/insatser/${insats}`))).toBe(200);
  });

  it('refuses an årsmål count above 1,000,000 (400) and reads keep answering at once', async () => {
    const refused = await t.admin
      .put(`/insatser/${insats}/arsmal/2025`, {
        deltagare: 3_000_000_000,
        nyaDeltagare: 1_000_001,
        andelArbeteStudier: 0.5,
      })
      .expect(400);
    expect(refused.body.details).toEqual([
      { field: 'deltagare', errors: ['deltagare får inte vara större än 1000000'] },
      { field: 'nyaDeltagare', errors: ['nyaDeltagare får inte vara större än 1000000'] },
    ]);
    await t.admin
      .put(`/insatser/${insats}/arsmal/2025`, {
        deltagare: 1_000_000,
        nyaDeltagare: 1_000_000,
        andelArbeteStudier: 1,
      })
      .expect(200);
    expect(await promptly(t.admin.get(`/insatser/${insats}`))).toBe(200);
  });

  it('refuses the year 0000, which no PostgreSQL date can hold', async () => {
    const refused = await t.admin
      .post('/insatser', { ...VOLYMINSATS, startdatum: '0000-01-01' })
      .expect(400);
    expect(refused.body.details).toEqual([
      { field: 'startdatum', errors: ['startdatum måste vara ett datum YYYY-MM-DD'] },
    ]);
    expect(await promptly(t.admin.get('/insatser'))).toBe(200);
  });
});

describe('a projection that cannot apply an event', () => {
  let t: TestApp;
  let insats: string;
  let staff: Caller;

  beforeAll(async () => {
    t = await startTestApp();
    insats = await t.insats(VOLYMINSATS);
    staff = await t.user('personal', { insatser: [insats] });
  });
  afterAll(() => t.close());

  it('answers reads without a delay mark and /health ok while nothing is stalled', async () => {
    await staff
      .post(`/insatser/${insats}/volym`, { datum: '2025-03-01', kvinnor: 3, man: 2 })
      .expect(201);
    const read = await staff.get(`/insatser/${insats}`).expect(200);
    expect(read.headers['x-lasmodell-forsenad']).toBeUndefined();
    const health = await t.http.get('/api/v1/health').expect(200);
    expect(health.body.projection).toEqual({ status: 'ok' });
  });

  it('is reported by /health (503, with the event and the error), logged once, and reads answer at once marked delayed', async () => {
    const applied = (await t.http.get('/api/v1/health').expect(200)).body;
    expect(applied.projectionLag).toBe(0);
    const lastGood = await t.store.headPosition();
    // The boundary refuses such a number now; an event written before it existed still can be.
    const poison = await appendUnstorableVolym(t.store, insats);

    let health = await t.http.get('/api/v1/health');
    for (let i = 0; i < 50 && health.status === 200; i++) {
      await sleep(100);
      health = await t.http.get('/api/v1/health');
    }
    expect(health.status).toBe(503);
    expect(health.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'Tjänsten är inte frisk',
      details: {
        status: 'error',
        eventStore: 'up',
        readModels: 'up',
        projectionLag: poison.position - lastGood,
        projection: {
          status: 'stannad',
          position: poison.position,
          streamId: `insats-${insats}`,
          typ: 'VolymRegistrerad',
          fel: 'value "3000000000" is out of range for type integer',
          sedan: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      },
    });

    // Later commands are still accepted; reads answer at once from the read models as they are.
    await staff
      .post(`/insatser/${insats}/volym`, { datum: '2025-03-03', kvinnor: 1, man: 1 })
      .expect(201);
    const started = Date.now();
    const read = await staff.get(`/insatser/${insats}`).expect(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(read.headers['x-lasmodell-forsenad']).toBe(String(lastGood));
    expect(read.body.id).toBe(insats);

    await sleep(2_500); // several retries
    const stalls = t.logs.filter((line) => line.includes('stannade vid händelse'));
    expect(stalls).toEqual([
      expect.stringContaining(
        `Projektionen "read-models" stannade vid händelse ${poison.position} (VolymRegistrerad i insats-${insats}): value "3000000000" is out of range for type integer`,
      ),
    ]);
  });
});

describe('the delay mark across origins', () => {
  it('lets a browser on a configured origin read X-Lasmodell-Forsenad', async () => {
    const t = await startTestApp({ CORS_ORIGINS: 'https://kansli.example.se' });
    try {
      const read = await t.admin
        .get('/insatser')
        .set('Origin', 'https://kansli.example.se')
        .expect(200);
      expect(read.headers['access-control-expose-headers']).toBe('X-Lasmodell-Forsenad');
    } finally {
      await t.close();
    }
  });
});
