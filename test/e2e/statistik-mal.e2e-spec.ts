import { forbundStream, insatsStream } from '#domain';
import { ProjectionRunner } from '#projections';
import { randomUUID } from 'node:crypto';
import {
  avslutBody,
  remissBody,
  startTestApp,
  type Caller,
  type TestApp,
} from '../support/test-app.js';

const PERIOD = 'fran=2025-01-01&till=2025-06-30';

/*
 * Goals appended as the commands would write them (the goal endpoints come separately), read
 * back from GET /statistik for the half-year 2025-01-01 – 2025-06-30 (181 days).
 * Balder: 3 nya (inskrivna 2025-02-10), one avslutad 2025-06-30 to arbete; its goal is 12 nya
 * in 2025 (365 days): 12 × 181 / 365 = 5.95 due by 30 June, so 3 is not i fas. The förbund's
 * goal: 40 % to arbete eller studier in the half-year: 1 of 1 avslutad.
 */
describe('goals in GET /statistik over HTTP', () => {
  let t: TestApp;
  let kansli: Caller;
  let insats: string;
  let forbundId: string;
  const nyaMal = randomUUID();
  const forbundsmal = randomUUID();

  const append = async (
    stream: string,
    type: string,
    data: Record<string, unknown>,
  ): Promise<void> => {
    const { position } = await t.store.appendToStream(
      stream,
      [{ type, data, metadata: { userId: 'test', correlationId: 'c', causationId: randomUUID() } }],
      { expectedRevision: 'any' },
    );
    expect(await t.app.get(ProjectionRunner).waitUntil(position, 5_000)).toBe(true);
  };

  beforeAll(async () => {
    t = await startTestApp();
    insats = await t.insats({ namn: 'Balder' });
    kansli = await t.user('kansli');
    const personal = await t.user('personal', { insatser: [insats] });
    for (let i = 0; i < 3; i++) {
      const { body } = await personal
        .post(`/insatser/${insats}/deltaganden`, remissBody({ inskrivning: {} }))
        .expect(201);
      if (i === 0) await personal.post(`/deltaganden/${body.id}/avslut`, avslutBody()).expect(200);
    }
    forbundId = (await kansli.get(`/statistik?${PERIOD}`).expect(200)).body.forbund.id;
    await append(insatsStream(insats), 'MalSatt', {
      malId: nyaMal,
      matt: 'nya',
      fran: '2025-01-01',
      till: '2025-12-31',
      varde: 12,
    });
    await append(forbundStream(forbundId), 'MalSatt', {
      malId: forbundsmal,
      grupp: null,
      matt: 'andel-arbete-studier',
      fran: '2025-01-01',
      till: '2025-06-30',
      varde: 0.4,
    });
  });
  afterAll(() => t.close());

  it('lists each goal with utfall over its own period, andel av mål and i fas', async () => {
    const { body } = await kansli.get(`/statistik?${PERIOD}`).expect(200);
    expect(body.insatser[0].mal).toEqual([
      {
        malId: nyaMal,
        matt: 'nya',
        fran: '2025-01-01',
        till: '2025-12-31',
        varde: 12,
        utfall: 3,
        andelAvMal: 0.25,
        iFas: false,
      },
    ]);
    expect(body.totalt.mal).toEqual([
      {
        malId: forbundsmal,
        matt: 'andel-arbete-studier',
        fran: '2025-01-01',
        till: '2025-06-30',
        varde: 0.4,
        utfall: 1,
        andelAvMal: 2.5,
        underlag: { antal: 1, avslutade: 1 },
      },
    ]);
  });

  it('suppresses a small utfall with skydda, and the ratios that would give it back', async () => {
    const { body } = await kansli.get(`/statistik?${PERIOD}&skydda=true`).expect(200);
    expect(body.insatser[0].mal[0]).toMatchObject({ utfall: '<5', andelAvMal: null, iFas: null });
    expect(body.totalt.mal[0]).toMatchObject({
      utfall: null,
      andelAvMal: null,
      underlag: { antal: '<5', avslutade: '<5' },
    });
  });

  it('shows the goal as known at an asOf before it was changed and removed', async () => {
    const asOf = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await append(insatsStream(insats), 'MalSatt', {
      malId: nyaMal,
      matt: 'nya',
      fran: '2025-01-01',
      till: '2025-12-31',
      varde: 6,
    });
    await append(forbundStream(forbundId), 'MalBorttaget', { malId: forbundsmal });

    const now = (await kansli.get(`/statistik?${PERIOD}`).expect(200)).body;
    // 3 × 365 = 1,095 ≥ 6 × 181 = 1,086: i fas with the lowered goal.
    expect(now.insatser[0].mal[0]).toMatchObject({ varde: 6, andelAvMal: 0.5, iFas: true });
    expect(now.totalt.mal).toEqual([]);

    const then = (await kansli.get(`/statistik?${PERIOD}&asOf=${asOf}`).expect(200)).body;
    expect(then.insatser[0].mal[0]).toMatchObject({ varde: 12, andelAvMal: 0.25, iFas: false });
    expect(then.totalt.mal).toHaveLength(1);
  });
});
