import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig, openDatabase } from '#platform';
import { createApp } from '../../apps/api/src/create-app.js';
import { MIGRATIONS } from '../../apps/api/src/database/data-source-options.js';

/** The zero-setup default: no DATABASE_URL, PostgreSQL started from DATA_DIR. */
describe('the embedded database', () => {
  it('keeps data across a restart of the app and its PostgreSQL', async () => {
    const config = loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'deltagarflode-data-')),
      ADMIN_EMAIL: 'admin@forbundet.se',
      ADMIN_PASSWORD: 'admin-losenord-123',
    });
    const run = async <T>(
      work: (http: ReturnType<typeof request>, token: string) => Promise<T>,
    ): Promise<T> => {
      const database = await openDatabase(config, { log: () => undefined, migrations: MIGRATIONS });
      const app = await createApp(config, database.url, { logger: false });
      await app.init();
      try {
        const http = request(app.getHttpServer());
        const login = await http
          .post('/api/v1/auth/token')
          .send({ email: 'admin@forbundet.se', password: 'admin-losenord-123' })
          .expect(200);
        return await work(http, login.body.accessToken as string);
      } finally {
        await app.close();
        await database.stop();
      }
    };

    const id = await run(async (http, token) => {
      const created = await http
        .post('/api/v1/insatser')
        .set('Authorization', `Bearer ${token}`)
        .send({
          namn: 'Balder',
          inriktning: 'individinriktad',
          matmetod: 'individ',
          startdatum: '2024-01-01',
        })
        .expect(201);
      return created.body.id as string;
    });

    const names = await run(async (http, token) => {
      const list = await http
        .get('/api/v1/insatser')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      return list.body.map((insats: { namn: string }) => insats.namn);
    });
    expect(names).toEqual(['Balder']);
    expect(id).toEqual(expect.any(String));
    // Secrets generated on first start are readable by the owner only.
    expect(statSync(join(config.dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(statSync(join(config.dataDir, 'postgres-password')).mode & 0o777).toBe(0o600);
    expect(statSync(join(config.dataDir, 'master-key')).mode & 0o777).toBe(0o600);
  }, 120_000);
});
