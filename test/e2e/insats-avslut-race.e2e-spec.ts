import { jest } from '@jest/globals';
import { ProjectionRunner } from '#projections';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InsatsensDeltaganden } from '../../apps/api/src/insatser/avslut/insatsens-deltaganden.js';
import {
  avslutBody,
  remissBody,
  startTestApp,
  type Caller,
  type TestApp,
} from '../support/test-app.js';

const PARALLEL = 16;
const ROUNDS = 6;
const SLUTDATUM = '2025-12-31';

/*
 * Issue #11: POST /insatser/:id/avslut looks for open deltaganden in the read model, so a
 * registration in flight could be appended after that look and stay open in an ended insats.
 * On PostgreSQL the look and the InsatsAvslutad append now run while registrations and
 * reopenings in the insats cannot be appended (they are guarded by the insats's revision).
 */
describe('POST /insatser/:id/avslut racing commands that open a deltagande (PostgreSQL)', () => {
  let t: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    dataSource = t.app.get<DataSource>(getDataSourceToken());
  }, 120_000);
  afterAll(() => t?.close());
  afterEach(() => jest.restoreAllMocks());

  const insatsMedPersonal = async (): Promise<{ insats: string; personal: Caller }> => {
    const insats = await t.insats();
    return { insats, personal: await t.user('personal', { insatser: [insats] }) };
  };

  /** The insats's avslutad flag and open deltaganden, in the read model once caught up. */
  const readModel = async (insats: string): Promise<{ avslutad: boolean; oppna: string[] }> => {
    const runner = t.app.get(ProjectionRunner);
    expect(await runner.waitUntil(await t.store.headPosition(), 10_000)).toBe(true);
    const oppna = await dataSource.query<{ id: string }[]>(
      `SELECT id FROM deltagande
       WHERE insats_id = $1 AND status IN ('remitterad', 'inskriven') ORDER BY id`,
      [insats],
    );
    const avslutad = (await t.events()).some(
      (e) => e.type === 'InsatsAvslutad' && e.streamId === `insats-${insats}`,
    );
    return { avslutad, oppna: oppna.map(({ id }) => id) };
  };

  /** Holds the avslut between its look at the deltaganden and its append while `during` runs. */
  const holdAvslutAfterItsLook = (during: () => Promise<unknown>): void => {
    const deltaganden = t.app.get(InsatsensDeltaganden);
    const lage = deltaganden.lage.bind(deltaganden);
    jest.spyOn(deltaganden, 'lage').mockImplementation(async (insatsId) => {
      const found = await lage(insatsId);
      await during();
      return found;
    });
  };

  it('refuses a registration sent between the avslut’s look and its append, once the avslut is stored', async () => {
    const { insats, personal } = await insatsMedPersonal();
    let registration: Promise<{ status: number; body: Record<string, unknown> }> | undefined;
    holdAvslutAfterItsLook(async () => {
      registration = personal.post(`/insatser/${insats}/deltaganden`, remissBody()).then((r) => r);
      // Long enough for the registration to be appended, were nothing holding it back.
      await new Promise((resolve) => setTimeout(resolve, 300));
    });

    const avslut = await t.admin.post(`/insatser/${insats}/avslut`, { slutdatum: SLUTDATUM });
    const refused = await registration!;

    expect(avslut.status).toBe(200);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ details: { code: 'DELTAGANDE.INSATS_AVSLUTAD' } });
    expect(await readModel(insats)).toEqual({ avslutad: true, oppna: [] });
  });

  it('refuses a recalled deltagande avslut sent between the avslut’s look and its append', async () => {
    const { insats, personal } = await insatsMedPersonal();
    const id = (
      await personal
        .post(`/insatser/${insats}/deltaganden`, remissBody({ inskrivning: {} }))
        .expect(201)
    ).body.id as string;
    await personal
      .post(`/deltaganden/${id}/avslut`, avslutBody({ datum: '2025-05-31' }))
      .expect(200);
    let reopening: Promise<{ status: number; body: Record<string, unknown> }> | undefined;
    holdAvslutAfterItsLook(async () => {
      reopening = personal
        .post(`/deltaganden/${id}/aterkalla-avslut`, { orsak: 'Misstag' })
        .then((r) => r);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });

    const avslut = await t.admin.post(`/insatser/${insats}/avslut`, { slutdatum: SLUTDATUM });
    const refused = await reopening!;

    expect(avslut.status).toBe(200);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ details: { code: 'DELTAGANDE.INSATS_AVSLUTAD' } });
    expect(await readModel(insats)).toEqual({ avslutad: true, oppna: [] });
  });

  it(`never leaves an open deltagande in an ended insats: an avslut among ${PARALLEL} parallel registrations, round after round`, async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { insats, personal } = await insatsMedPersonal();
      const register = () =>
        personal.post(`/insatser/${insats}/deltaganden`, remissBody()).then((r) => r);
      // The avslut goes out after 0, 4, 8, … of the registrations: before, amid and after them.
      const sentBefore = (round * 4) % (PARALLEL + 1);
      const before = Array.from({ length: sentBefore }, register);
      const avslut = t.admin
        .post(`/insatser/${insats}/avslut`, { slutdatum: SLUTDATUM })
        .then((r) => r);
      const after = Array.from({ length: PARALLEL - sentBefore }, register);
      const [avslutAnswer, ...registrations] = await Promise.all([avslut, ...before, ...after]);
      const created = registrations.filter((r) => r.status === 201).map((r) => r.body.id as string);
      const refused = registrations.filter((r) => r.status !== 201);
      const state = await readModel(insats);

      // Every registration is either stored or refused because the insats has ended.
      for (const r of refused) {
        expect(r.status).toBe(422);
        expect(r.body).toMatchObject({ details: { code: 'DELTAGANDE.INSATS_AVSLUTAD' } });
      }
      if (avslutAnswer.status === 200) {
        // Ended: nothing was open at its look, and nothing opened after it.
        expect(state).toEqual({ avslutad: true, oppna: [] });
        expect(created).toEqual([]);
      } else {
        // Refused, naming exactly what was open at its look; the insats takes registrations still.
        expect(avslutAnswer.status).toBe(422);
        expect(state.avslutad).toBe(false);
        expect(refused).toEqual([]);
        expect(state.oppna).toEqual([...created].sort());
        const named = (avslutAnswer.body as { details: { oppnaDeltaganden: string[] } }).details
          .oppnaDeltaganden;
        expect(named.length).toBeGreaterThan(0);
        for (const id of named) expect(created).toContain(id);
      }
      outcomes.push(`${avslutAnswer.status}: ${created.length} stored, ${refused.length} refused`);
    }
    // Printed for the record; each round's invariant is asserted above.
    console.log(`avslut among ${PARALLEL} registrations:\n  ${outcomes.join('\n  ')}`);
  }, 240_000);
});
