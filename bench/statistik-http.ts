/**
 * What a statistics report costs over HTTP beyond making it, on a database kept by
 * `bench:statistik --keep` (a copy: it adds an admin to the data's förbund):
 *
 *   node [--cpu-prof] dist/bench/statistik-http.js --runs 20
 *
 * with DATABASE_URL naming the copy. Runs the API in this process (as main.ts builds it) and
 * times, one request at a time, the bench's full-year whole-förbund report without and with
 * `jamfor=foregaende`, each both through `GET /api/v1/statistik` (the answer read to its last
 * byte) and as `StatistikService.report` alone, interleaved, so the difference is the request
 * path: guards, interceptors, the insatser scope, the förbund read, serialising the JSON and
 * sending it. Beside the time, the CPU this process spent (user + system, the client's reading
 * of the answer included), which other load on a shared machine distorts far less.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { StatistikService } from '#statistik';
import { loadConfig } from '#platform';
import { DataSource } from 'typeorm';
import { createApp, API_PREFIX } from '../apps/api/src/create-app.js';
import { positiveInt } from './bench-support.js';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '20' } },
});
const RUNS = positiveInt('runs', args.runs);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name a copy of a database kept by bench:statistik');

const ADMIN = { email: 'statistik-http@bench.se', password: 'bench-admin-losenord' };
const FRAN = '2024-01-01';
const TILL = '2024-12-31';

const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
};

const app = await createApp(
  loadConfig({
    DATABASE_URL: url,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_SECRET: 'statistik-http-bench-secret-of-32-characters',
  }),
  url,
  { logger: false },
);
try {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const base = `http://127.0.0.1:${address.port}/${API_PREFIX}`;
  const dataSource = app.get(DataSource);
  const [{ forbund_id: forbundId }] = (await dataSource.query(
    'SELECT forbund_id FROM deltagande_fakta LIMIT 1',
  )) as [{ forbund_id: string }];
  await dataSource.query(
    'INSERT INTO forbund (id, namn) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
    [forbundId, 'Bench'],
  );
  // On a copy with no user the app made its own förbund for this admin: move the admin over.
  await dataSource.query('UPDATE app_user SET forbund_id = $1 WHERE email = $2', [
    forbundId,
    ADMIN.email,
  ]);
  const [{ namn }] = (await dataSource.query('SELECT namn FROM forbund WHERE id = $1', [
    forbundId,
  ])) as [{ namn: string }];
  const login = await fetch(`${base}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const service = app.get(StatistikService);

  const cases = [
    { name: 'report', query: '', options: {} },
    { name: 'jamfor=foregaende', query: '&jamfor=foregaende', options: { jamfor: 'foregaende' } },
  ] as const;
  interface Samples {
    http: number[];
    service: number[];
    httpCpu: number[];
    serviceCpu: number[];
    bytes: number;
  }
  const samples = new Map<string, Samples>();
  for (const c of cases) {
    samples.set(c.name, { http: [], service: [], httpCpu: [], serviceCpu: [], bytes: 0 });
  }
  const cpuMs = (since: NodeJS.CpuUsage): number => {
    const { user, system } = process.cpuUsage(since);
    return (user + system) / 1000;
  };
  for (let run = -2; run < RUNS; run++) {
    for (const c of cases) {
      const s = samples.get(c.name)!;
      let cpu = process.cpuUsage();
      let t = performance.now();
      const response = await fetch(`${base}/statistik?fran=${FRAN}&till=${TILL}${c.query}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      const body = await response.text();
      const http = performance.now() - t;
      const httpCpu = cpuMs(cpu);
      if (!response.ok) throw new Error(`${c.name}: ${response.status} ${body.slice(0, 500)}`);
      cpu = process.cpuUsage();
      t = performance.now();
      await service.report(
        { forbundId, fran: FRAN, till: TILL },
        { id: forbundId, namn },
        c.options,
      );
      const direct = performance.now() - t;
      const serviceCpu = cpuMs(cpu);
      if (run < 0) continue;
      s.http.push(http);
      s.service.push(direct);
      s.httpCpu.push(httpCpu);
      s.serviceCpu.push(serviceCpu);
      s.bytes = body.length;
    }
  }
  const fmt = (list: readonly number[]): string =>
    `p50 ${percentile(list, 0.5).toFixed(1)}, p95 ${percentile(list, 0.95).toFixed(1)} ms`;
  for (const [name, s] of samples) {
    const overhead = s.http.map((ms, i) => ms - s.service[i]!);
    const cpuOverhead = s.httpCpu.map((ms, i) => ms - s.serviceCpu[i]!);
    console.log(
      `${name} (${s.bytes.toLocaleString('en')} characters): HTTP ${fmt(s.http)}; ` +
        `service alone ${fmt(s.service)}; HTTP less service ${fmt(overhead)}\n` +
        `  CPU of this process: HTTP ${fmt(s.httpCpu)}; service alone ${fmt(s.serviceCpu)}; ` +
        `HTTP less service ${fmt(cpuOverhead)}`,
    );
  }
} finally {
  await app.close();
}
