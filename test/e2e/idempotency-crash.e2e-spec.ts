import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  idempotencyIds,
  idempotencySecret,
  requestHash,
} from '../../apps/api/src/commands/idempotency.interceptor.js';
import {
  avslutBody,
  remissBody,
  startTestApp,
  type Caller,
  type TestApp,
} from '../support/test-app.js';

/** test-app.ts's JWT_SECRET, from which the app derives its idempotency ids and hashes. */
const SECRET = idempotencySecret('test-secret-that-is-long-enough-for-hs256');

/*
 * A crash is simulated by leaving the idempotency_key row as the crashed request left it:
 * claimed by a process (another one, or this one with no request running it) and without an
 * answer, with or without the command's events in the store.
 */
describe('Idempotency-Key after a crash at any moment', () => {
  let t: TestApp;
  let db: DataSource;
  let personal: Caller;
  let personalId: string;
  let insatsId: string;
  let registrera: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    insatsId = await t.insats();
    personal = await t.user('personal', { insatser: [insatsId] });
    personalId = (await personal.get('/auth/me').expect(200)).body.id as string;
    registrera = `/insatser/${insatsId}/deltaganden`;
  });
  afterAll(() => t.close());

  const send = (path: string, body: object, key: string, ifMatch?: string) => {
    const request = personal.post(path, body).set('Idempotency-Key', key);
    return ifMatch === undefined ? request : request.set('If-Match', ifMatch);
  };

  /** Every event committed (readAll may hold back the newest while a projection writes). */
  const eventCount = async (): Promise<number> =>
    Number((await db.query('SELECT count(*) AS n FROM events'))[0].n);

  /** The row a request leaves right after claiming the key, before it appends anything. */
  const claimedRow = (
    key: string,
    path: string,
    body: object,
    claim: { claimedBy: string | null; ageSeconds: number | null },
  ) =>
    db.query(
      `INSERT INTO idempotency_key (user_id, key, request_hash, claim, claimed_by, claimed_at)
       VALUES ($1, $2, $3, $4, $5, now() - make_interval(secs => $6))`,
      [
        personalId,
        key,
        requestHash(SECRET, 'POST', `/api/v1${path}`, body),
        claim.claimedBy === null ? null : randomUUID(),
        claim.claimedBy,
        claim.ageSeconds,
      ],
    );

  /** What a crash after the append leaves: the claim, without the answer. */
  const forgetAnswer = (key: string, claim: 'this process' | 'a dead process') =>
    db.query(
      `UPDATE idempotency_key SET status_code = NULL, response = NULL,
         claimed_at = ${claim === 'this process' ? 'now()' : "now() - interval '1 hour'"},
         claimed_by = ${claim === 'this process' ? 'claimed_by' : 'gen_random_uuid()'}
       WHERE user_id = $1 AND key = $2`,
      [personalId, key],
    );

  describe('(a) the key was claimed, the command never appended', () => {
    it('performs the command once when the claiming process died over a lease ago', async () => {
      const key = 'remiss-a1';
      const body = remissBody({ person: { fodelsear: 1981 } });
      await claimedRow(key, registrera, body, { claimedBy: randomUUID(), ageSeconds: 3600 });
      const before = await eventCount();

      const retry = await send(registrera, body, key).expect(201);

      const { newId } = idempotencyIds(SECRET, personalId, key);
      expect(retry.body).toEqual({ id: newId, revision: 0, position: expect.any(Number) });
      expect(await eventCount()).toBe(before + 1);
      const again = await send(registrera, body, key).expect(201);
      expect(again.body).toEqual(retry.body);
      expect(await eventCount()).toBe(before + 1);
    });

    it('answers 409 "in progress" while the lease of another process runs, then performs it once', async () => {
      const key = 'remiss-a2';
      const body = remissBody({ person: { fodelsear: 1982 } });
      await claimedRow(key, registrera, body, { claimedBy: randomUUID(), ageSeconds: 1 });
      const before = await eventCount();

      const early = await send(registrera, body, key).expect(409);
      expect(early.body.details).toEqual({ code: 'IDEMPOTENCY_KEY' });
      expect(await eventCount()).toBe(before);

      await db.query(
        `UPDATE idempotency_key SET claimed_at = now() - interval '1 hour' WHERE key = $1`,
        [key],
      );
      await send(registrera, body, key).expect(201);
      expect(await eventCount()).toBe(before + 1);
    });

    it('frees a key left "in progress" by a version without claim holders (the stuck keys of issue 10)', async () => {
      const key = 'remiss-a3';
      const body = remissBody({ person: { fodelsear: 1983 } });
      await claimedRow(key, registrera, body, { claimedBy: null, ageSeconds: null });
      const before = await eventCount();

      const retry = await send(registrera, body, key).expect(201);

      expect(retry.body.id).toBe(idempotencyIds(SECRET, personalId, key).newId);
      expect(await eventCount()).toBe(before + 1);
    });

    it('lets exactly one of 8 parallel retries perform the command', async () => {
      const key = 'remiss-a4';
      const body = remissBody({ person: { fodelsear: 1984 } });
      await claimedRow(key, registrera, body, { claimedBy: randomUUID(), ageSeconds: 3600 });
      const before = await eventCount();

      const retries = await Promise.all(
        Array.from({ length: 8 }, () => send(registrera, body, key)),
      );

      const statuses = retries.map((r) => r.status);
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      const answered = retries.filter((r) => r.status === 201).map((r) => r.body);
      expect(answered.length).toBeGreaterThanOrEqual(1);
      for (const body of answered) expect(body).toEqual(answered[0]);
      expect(await eventCount()).toBe(before + 1);
    });

    it('keeps the key bound to its request when the attempt failed with a server error, and a retry performs it once', async () => {
      const key = 'remiss-a5';
      const body = remissBody({ person: { fodelsear: 1985 } });
      await db.query(`ALTER TABLE events ADD CONSTRAINT test_append_fails CHECK (false) NOT VALID`);
      try {
        const failed = await send(registrera, body, key);
        expect(failed.status).toBeGreaterThanOrEqual(500);
      } finally {
        await db.query(`ALTER TABLE events DROP CONSTRAINT test_append_fails`);
      }
      const before = await eventCount();

      const retry = await send(registrera, body, key).expect(201);

      expect(retry.body.id).toBe(idempotencyIds(SECRET, personalId, key).newId);
      expect(await eventCount()).toBe(before + 1);
      await send(registrera, remissBody({ person: { fodelsear: 1990 } }), key).expect(422);
    });
  });

  describe('(b) the command appended, its answer was never stored', () => {
    it.each(['a dead process', 'this process'] as const)(
      'answers a retry with the first id, revision and position and appends nothing (claimed by %s)',
      async (claimant) => {
        const key = `remiss-b-${claimant}`;
        const body = remissBody({ inskrivning: {} });
        const first = await send(registrera, body, key).expect(201);
        expect(first.body.revision).toBe(1);
        await forgetAnswer(key, claimant);
        const before = await eventCount();

        const retry = await send(registrera, body, key).expect(201);

        expect(retry.body).toEqual(first.body);
        expect(await eventCount()).toBe(before);
        const stored = await t.store.readStream(`deltagande-${first.body.id as string}`);
        expect(stored.map((e) => e.type)).toEqual(['RemissMottagen', 'DeltagareInskriven']);
      },
    );

    it('answers a retried command on an existing deltagande with its first result, even after later commands and with its old If-Match', async () => {
      const { body: created } = await personal
        .post(registrera, remissBody({ inskrivning: {} }))
        .expect(201);
      const id = created.id as string;
      const avslut = `/deltaganden/${id}/avslut`;
      const first = await send(avslut, avslutBody(), 'avslut-b', '1').expect(200);
      expect(first.body).toEqual({ id, revision: 2, position: expect.any(Number) });
      await personal
        .post(`/deltaganden/${id}/aterkalla-avslut`, { orsak: 'Avslutad av misstag' })
        .expect(200);
      await forgetAnswer('avslut-b', 'a dead process');
      const before = await eventCount();

      const retry = await send(avslut, avslutBody(), 'avslut-b', '1').expect(200);

      expect(retry.body).toEqual(first.body);
      expect(await eventCount()).toBe(before);
      const stored = await t.store.readStream(`deltagande-${id}`);
      expect(stored.filter((e) => e.type === 'DeltagareAvslutad')).toHaveLength(1);
    });

    it("answers a retried korrigering of a person's kön, which also corrected the person's other deltagande, with its first result", async () => {
      const other = await t.insats({ namn: 'Annan insats' });
      await t.admin.patch(`/users/${personalId}`, { insatser: [insatsId, other] }).expect(200);
      const person = { personnummer: '19900301-0106', samtycke: { datum: '2025-01-15' } };
      const forsta = await personal.post(registrera, remissBody({ person })).expect(201);
      await personal.post(`/insatser/${other}/deltaganden`, remissBody({ person })).expect(201);
      const korrigering = `/deltaganden/${forsta.body.id as string}/korrigering`;
      const body = { typ: 'person', kon: 'man', orsak: 'Fel kön vid registreringen' };
      const first = await send(korrigering, body, 'korrigering-b').expect(200);
      const korrigerade = async () =>
        Number(
          (
            await db.query(
              `SELECT count(*) AS n FROM events WHERE type = 'PersonuppgifterKorrigerade'`,
            )
          )[0].n,
        );
      expect(await korrigerade()).toBe(2);
      await forgetAnswer('korrigering-b', 'a dead process');
      const before = await eventCount();

      const retry = await send(korrigering, body, 'korrigering-b').expect(200);

      expect(retry.body).toEqual(first.body);
      expect(await eventCount()).toBe(before);
      expect(await korrigerade()).toBe(2);
    });
  });

  describe('(c) the same key with another request', () => {
    it('answers 422 and appends nothing, after a recovered crash as before', async () => {
      const key = 'remiss-c';
      const body = remissBody({ person: { fodelsear: 1986 } });
      await send(registrera, body, key).expect(201);
      await forgetAnswer(key, 'a dead process');
      await send(registrera, body, key).expect(201);
      const before = await eventCount();

      const other = await send(registrera, remissBody({ person: { fodelsear: 1987 } }), key).expect(
        422,
      );

      expect(other.body.details).toEqual({ code: 'IDEMPOTENCY_KEY' });
      expect(await eventCount()).toBe(before);
    });
  });
});
