import { StatistikService } from '#statistik';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { DataSource } from 'typeorm';
import { exportToFile } from '../../apps/api/src/statistik/export/export-to-file.js';
import { ErrorResponseFilter, toErrorBody } from '../../apps/api/src/http/error-response.filter.js';
import { startTestApp, type Caller, type TestApp } from '../support/test-app.js';

const TIO_AR = 'fran=2016-01-01&till=2025-12-31';
const OVER_TIO_AR = 'fran=2016-01-01&till=2026-01-01';
const DELTAGANDEN = 150_000;

const fieldErrors = (body: { details: { field: string; errors: string[] }[] }) =>
  Object.fromEntries(body.details.map((d) => [d.field, d.errors]));

describe('No request can take the server down', () => {
  let t: TestApp;
  let kansli: Caller;
  let forbundId: string;
  let insats: string;

  beforeAll(async () => {
    t = await startTestApp();
    kansli = await t.user('kansli');
    insats = await t.insats();
    // A period no test asks for: the facts below are written straight into the read models,
    // past the events, and the API keeps the aggregates of the reports it made by position.
    forbundId = (await kansli.get('/statistik?fran=2015-01-01&till=2015-12-31').expect(200)).body
      .forbund.id;
    // Ten years of deltaganden straight into the statistics facts: enough that one ten-year
    // report keeps PostgreSQL busy for a while.
    await t.app.get<DataSource>(getDataSourceToken()).query(
      `INSERT INTO deltagande_fakta (deltagande_id, from_position, forbund_id, insats_id, person_key,
         kon, fodelsear, kommun, remiss_datum, remittent, inskrivning_datum, forsorjning_in,
         avslut_datum, avslutsorsak, forsorjning_ut, recorded_from)
       SELECT id, 1, $1, $2, id::text, (ARRAY['kvinna','man','ej-angivet'])[n % 3 + 1],
         1960 + n % 45, '0138', '2016-01-01'::date + n % 3650, 'af',
         '2016-01-08'::date + n % 3650, ARRAY['forsorjningsstod'],
         CASE WHEN n % 3 > 0 THEN '2016-01-08'::date + n % 3650 + n % 400 END,
         CASE WHEN n % 3 > 0 THEN 'arbete' END, CASE WHEN n % 3 > 0 THEN ARRAY['lon'] END, now()
       FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $3::int) n) s`,
      [forbundId, insats, DELTAGANDEN],
    );
    await t.app.get<DataSource>(getDataSourceToken()).query('ANALYZE deltagande_fakta');
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  describe('a report period is at most ten years', () => {
    it('answers a period of exactly ten years', async () => {
      const { body } = await kansli.get(`/statistik?${TIO_AR}`).expect(200);
      expect(body.totalt.maluppfyllelse.map((rad: { ar: number }) => rad.ar)).toEqual([
        2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025,
      ]);
    });

    it('gives each year of a ten-year period the result a report of that year alone gives', async () => {
      const { body } = await kansli.get('/statistik?fran=2016-07-01&till=2026-06-30').expect(200);
      const years = body.totalt.maluppfyllelse as { ar: number; utfall: unknown }[];
      expect(years.map((rad) => rad.ar)).toEqual([
        2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
      ]);
      for (const [ar, fran, till] of [
        [2016, '2016-01-01', '2016-12-31'],
        [2021, '2021-01-01', '2021-12-31'],
        [2026, '2026-01-01', '2026-06-30'],
      ] as const) {
        const alone = await kansli.get(`/statistik?fran=${fran}&till=${till}`).expect(200);
        expect(years.find((rad) => rad.ar === ar)!.utfall).toEqual(
          alone.body.totalt.maluppfyllelse[0].utfall,
        );
      }
    });

    it.each([
      ['the report', `/statistik?${OVER_TIO_AR}`],
      ['the export', `/statistik/export?${OVER_TIO_AR}&format=xlsx`],
      ['the underlag', `/statistik/underlag?${OVER_TIO_AR}&matt=nya`],
    ])('answers 400 for one day more than ten years, on %s', async (_name, path) => {
      const { body } = await kansli.get(path).expect(400);
      expect(fieldErrors(body)).toEqual({ till: ['Perioden får vara högst 10 år'] });
    });

    it('answers 400, not minutes of work, for the period that took the server down', async () => {
      const { body } = await kansli.get('/statistik?fran=0001-01-01&till=9999-12-31').expect(400);
      expect(fieldErrors(body)).toEqual({
        fran: ['fran måste ligga mellan år 1900 och 2200'],
        till: ['till måste ligga mellan år 1900 och 2200'],
      });
    });

    it('answers 400 when till is before fran', async () => {
      const { body } = await kansli.get('/statistik?fran=2025-02-01&till=2025-01-31').expect(400);
      expect(fieldErrors(body)).toEqual({ till: ['till får inte vara före fran'] });
    });

    it('answers 400 for an asOf outside 1900–2200', async () => {
      const { body } = await kansli
        .get(`/statistik?${TIO_AR}&asOf=1899-12-31T23:00:00Z`)
        .expect(400);
      expect(fieldErrors(body)).toEqual({ asOf: ['asOf måste ligga mellan år 1900 och 2200'] });
    });

    it('answers 400 for more than 200 insatser or 20 åldersgrupper', async () => {
      const many = Array.from({ length: 201 }, () => `insats=${insats}`).join('&');
      const insatser = await kansli.get(`/statistik?${TIO_AR}&${many}`).expect(400);
      expect(fieldErrors(insatser.body)).toEqual({ insats: ['insats får ha högst 200 värden'] });
      const band = Array.from({ length: 21 }, (_, i) => `${i * 2}-${i * 2 + 1}`).join(',');
      const grupper = await kansli.get(`/statistik?${TIO_AR}&aldersgrupper=${band}`).expect(400);
      expect(Object.keys(fieldErrors(grupper.body))).toEqual(['aldersgrupper']);
    });

    it('answers 400, not 150,000 rows, for an underlag of more than 10 000 deltaganden', async () => {
      const { body } = await kansli.get(`/statistik/underlag?${TIO_AR}&matt=aktuella`).expect(400);
      expect(body.message).toBe(
        'Underlaget har fler än 10 000 deltaganden; välj en kortare period, en insats eller ett kön',
      );
      const { body: rows } = await kansli
        .get('/statistik/underlag?fran=2016-01-01&till=2016-01-31&matt=mottagna')
        .expect(200);
      // Remissdag n % 3650 for n = 1…150,000: day 0 comes 41 times, days 1–30 come 42 times.
      expect(rows).toHaveLength(41 + 30 * 42);
    });

    it('refuses the same period on the command line', async () => {
      await expect(
        exportToFile(t.db.url, {
          fran: '2016-01-01',
          till: '2026-01-01',
          format: 'xlsx',
          out: '/dev/null',
          forbundId,
        }),
      ).rejects.toThrow('Perioden får vara högst 10 år');
    });
  });

  describe('a report statement has a time limit', () => {
    it('cancels a statement that runs past the limit, and the client gets 503 with Retry-After', async () => {
      const dataSource = t.app.get<DataSource>(getDataSourceToken());
      // A lock held elsewhere keeps the report's statement waiting past its limit.
      const locker = dataSource.createQueryRunner();
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE deltagande_fakta IN ACCESS EXCLUSIVE MODE');
      const released = new Promise((resolve) => setTimeout(resolve, 3_000)).then(async () => {
        await locker.query('ROLLBACK');
        await locker.release();
      });
      const report = new StatistikService(dataSource, { statementTimeoutMs: 200 }).report(
        { forbundId, fran: '2025-01-01', till: '2025-12-31' },
        { id: forbundId, namn: 'Test' },
      );
      const error: unknown = await report.then(
        () => undefined,
        (rejected: unknown) => rejected,
      );
      await released;
      expect((error as { code?: string } | undefined)?.code).toBe('57014');

      expect(toErrorBody(error)).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message:
          'Rapporten tog för lång tid att ta fram; försök igen om en stund eller välj en kortare period',
      });
      const headers: Record<string, string> = {};
      const response = {
        setHeader: (name: string, value: string) => (headers[name] = value),
        status: () => response,
        json: () => response,
      };
      new ErrorResponseFilter().catch(error, {
        switchToHttp: () => ({ getResponse: () => response }),
      } as never);
      expect(headers).toEqual({ 'Retry-After': '30' });
    });
  });

  describe('exports', () => {
    it('streams a ten-year XLSX export without a fixed length', async () => {
      const response = await kansli
        .get(`/statistik/export?${TIO_AR}&format=xlsx`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(response.headers['transfer-encoding']).toBe('chunked');
      expect((response.body as Buffer).subarray(0, 2).toString()).toBe('PK');
      expect((response.body as Buffer).length).toBeLessThan(1_000_000);
    });

    it('streams a ten-year CSV export without a fixed length', async () => {
      const response = await kansli.get(`/statistik/export?${TIO_AR}&format=csv`).expect(200);
      expect(response.headers['transfer-encoding']).toBe('chunked');
      expect(response.headers['content-length']).toBeUndefined();
      expect(response.text.startsWith('\ufeffFörbund: Samordningsförbundet Test\r\n')).toBe(true);
    });
  });

  describe('concurrent reports are capped', () => {
    it('keeps /health and commands answering while 8 heavy reports run', async () => {
      const server = t.app.getHttpServer() as Server;
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
      const volymInsats = await t.insats({
        namn: 'Föreläsningar',
        matmetod: 'volym',
        inriktning: 'strukturovergripande',
      });
      const personal = await t.user('personal', { insatser: [volymInsats] });
      const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

      const reports = Array.from({ length: 8 }, (_, i) =>
        fetch(`${base}/statistik?${TIO_AR}&aldersgrupper=${i}-${i + 60}`, {
          headers: auth(kansli.token),
        }).then(async (response) => ({
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          message: response.ok
            ? undefined
            : ((await response.json()) as { message: string }).message,
        })),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));

      const healthStarted = performance.now();
      const health = await fetch(`${base}/health`);
      const healthMs = performance.now() - healthStarted;
      const commandStarted = performance.now();
      const command = await fetch(`${base}/insatser/${volymInsats}/volym`, {
        method: 'POST',
        headers: { ...auth(personal.token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ datum: '2025-03-01', kvinnor: 2, man: 1 }),
      });
      const commandMs = performance.now() - commandStarted;
      const answers = await Promise.all(reports);

      expect(health.status).toBe(200);
      expect(healthMs).toBeLessThan(1_000);
      expect(command.status).toBe(201);
      expect(commandMs).toBeLessThan(2_000);
      for (const answer of answers) {
        expect([200, 503]).toContain(answer.status);
        if (answer.status === 503) {
          expect(answer).toEqual({
            status: 503,
            retryAfter: '5',
            message: 'Många rapporter körs just nu; försök igen om en stund',
          });
        }
      }
      expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(2);
      expect(answers.filter((a) => a.status === 503).length).toBeGreaterThanOrEqual(1);
    }, 60_000);
  });
});
