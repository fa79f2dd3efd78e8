/**
 * HTTP load benchmark: the built API in a child process of its own (so its resident memory is
 * its own), on its embedded PostgreSQL at durable settings in a temporary DATA_DIR. Logs in,
 * creates an insats, then N concurrent clients register remisser (varied bodies, no
 * personnummer) for --duration seconds, then read lists for --read-duration seconds.
 *
 *   npm run bench:http -- [--duration 60] [--connections 16] [--read-duration 20]
 *                         [--warmup 5] [--rate N] [--requests N] [--statements] [--cpu-prof DIR]
 *
 * Prints commands/s, latency p50/p99, errors and non-2xx answers, and the API process's RSS
 * at start, during and at the end, each against its target; the CPU time per command of the
 * API, of PostgreSQL and of the load generator itself, and the throughput they allow.
 * `--rate N` holds the commands at N/s, so that two builds can be compared by CPU per command
 * at the same batch sizes on a busy machine. `--statements` counts the statements the API
 * sends per command. `--cpu-prof DIR` runs the API under `node --cpu-prof`, writes the profile
 * to DIR and prints where the busy time went. `--requests N` sends N commands instead of
 * running for --duration, and reports the API's RSS over them (start, end, range, and the
 * medians of the first and the last fifth of the samples), to show whether memory stays flat.
 */
import {
  FORSORJNING,
  KOMMUNER,
  KON,
  REMITTENT,
  TID_I_OFFENTLIG_FORSORJNING,
  UTBILDNINGSNIVA,
} from '#domain';
import autocannon, { type Request, type Result } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { positiveInt } from './bench-support.js';
import { summarizeCpuProfile, type ProfileLine } from './cpu-profile.js';

const TARGET = { commandsPerSecond: 1_200, commandP99Ms: 60 };
const ADMIN = { email: 'admin@bench.se', password: 'bench-admin-losenord' };
const PERSONAL = { email: 'personal@bench.se', password: 'bench-personal-losenord' };
/** Deltaganden in the insats whose list is read, so a list answer has a bounded size. */
const READ_INSATS_DELTAGANDEN = 100;
const MIB = 1024 * 1024;
const IDLE_SECONDS = 3;

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '16' },
    'read-duration': { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    rate: { type: 'string' },
    requests: { type: 'string' },
    statements: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const DURATION = positiveInt('duration', args.duration);
const CONNECTIONS = positiveInt('connections', args.connections);
const READ_DURATION = positiveInt('read-duration', args['read-duration']);
const WARMUP = Number(args.warmup);
if (!Number.isSafeInteger(WARMUP) || WARMUP < 0) throw new Error('--warmup must be 0 or more');
const RATE = args.rate === undefined ? undefined : positiveInt('rate', args.rate);
/** A fixed number of commands instead of --duration (e.g. 100,000 for the memory check). */
const REQUESTS = args.requests === undefined ? undefined : positiveInt('requests', args.requests);
/** RSS samples: every 10 s, or every second when a fixed number of requests runs. */
const RSS_EVERY_MS = REQUESTS === undefined ? 10_000 : 1_000;
const PROFILE_DIR = args['cpu-prof'] === undefined ? undefined : resolve(args['cpu-prof']);
const STATEMENTS_FILE = args.statements
  ? join(tmpdir(), `bench-http-statements-${process.pid}.json`)
  : undefined;

const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });

/** Resident memory of another process (Linux). */
const rssOf = (pid: number): number => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
};

const mib = (bytes: number): string => `${Math.round(bytes / MIB)} MiB`;

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

const statFields = (pid: number): string[] | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // the process has exited
  }
};

/** CPU seconds spent in user and in system (kernel) mode. */
interface Cpu {
  readonly user: number;
  readonly system: number;
}

const NO_CPU: Cpu = { user: 0, system: 0 };
const plus = (a: Cpu, b: Cpu): Cpu => ({ user: a.user + b.user, system: a.system + b.system });
const minus = (a: Cpu, b: Cpu): Cpu => ({ user: a.user - b.user, system: a.system - b.system });

/** CPU a process used, with that of its exited, waited-for children. */
const cpuOf = (pid: number): Cpu => {
  const fields = statFields(pid);
  if (!fields) return NO_CPU;
  // utime, stime, cutime, cstime are fields 14–17 of stat; the slice starts at field 3.
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  return {
    user: (utime + cutime) / TICKS_PER_SECOND,
    system: (stime + cstime) / TICKS_PER_SECOND,
  };
};

/**
 * CPU used so far by the API, by its PostgreSQL (the postmaster of DATA_DIR, its running
 * backends, and the exited ones it has waited for) and by this process, the load generator:
 * a figure that other load on the machine distorts less than throughput.
 */
const cpuNow = (apiPid: number, dataDir: string): { api: Cpu; postgres: Cpu; load: Cpu } => {
  const postmaster = Number(
    readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  let postgres = cpuOf(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields && Number(fields[1]) === postmaster) postgres = plus(postgres, cpuOf(Number(entry)));
  }
  const own = process.cpuUsage();
  return {
    api: cpuOf(apiPid),
    postgres,
    load: { user: own.user / 1e6, system: own.system / 1e6 },
  };
};

/** The statements the API has sent so far, by name or text (with --statements). */
const statementsSent = async (pid: number): Promise<Map<string, number>> => {
  if (!STATEMENTS_FILE) return new Map();
  rmSync(STATEMENTS_FILE, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100 && !existsSync(STATEMENTS_FILE); i++) await sleep(50);
  await sleep(50); // written in one synchronous call, but let it land
  return new Map(Object.entries(JSON.parse(readFileSync(STATEMENTS_FILE, 'utf8')) as object));
};

interface ApiProcess {
  readonly baseUrl: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** The API as `npm start` runs it, on a fresh DATA_DIR; resolves once /health answers. */
const startApi = async (dataDir: string): Promise<ApiProcess> => {
  const port = await freePort();
  const nodeArgs = [
    ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []),
    ...(STATEMENTS_FILE
      ? ['--import', pathToFileURL(join('dist', 'bench', 'count-statements.js')).href]
      : []),
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    FORBUND_NAMN: 'Samordningsförbundet Bench',
    ...(STATEMENTS_FILE ? { BENCH_STATEMENTS_FILE: STATEMENTS_FILE } : {}),
  };
  delete env.DATABASE_URL;
  delete env.JWT_SECRET;
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, join('dist', 'apps', 'api', 'src', 'main.js')],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  const baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`The API exited (${child.exitCode}) while starting:\n${output.join('')}`);
    }
    const healthy = await fetch(`${baseUrl}/api/v1/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The API did not answer /health within 180 s:\n${output.join('')}`);
    }
    await sleep(250);
  }
  return {
    baseUrl,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timeout = sleep(60_000).then(() => 'timeout' as const);
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
};

const call = async (
  baseUrl: string,
  method: string,
  path: string,
  body?: object,
  token?: string,
): Promise<Record<string, unknown>> => {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
};

const login = async (baseUrl: string, user: { email: string; password: string }) =>
  (await call(baseUrl, 'POST', '/auth/token', user)).accessToken as string;

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The n-th remiss: every field varies, a quarter come with direct inskrivning. */
const remissBody = (n: number): object => {
  const month = 1 + (n % 12);
  const day = 1 + (Math.floor(n / 12) % 28);
  const remissDatum = `2025-${pad(month)}-${pad(day)}`;
  return {
    person: {
      kon: pick(KON, n),
      fodelsear: 1962 + (n % 44),
      kommun: pick(KOMMUNER, n * 7).kod,
    },
    remiss: {
      datum: remissDatum,
      remittent: pick(REMITTENT, n * 3),
      ...(n % 5 === 0 ? { remittentEnhet: `Enhet ${n % 17}` } : {}),
    },
    ...(n % 4 === 0
      ? {
          inskrivning: {
            datum: `2025-${pad(month)}-${pad(Math.min(28, day + 7))}`,
            forsorjning: [pick(FORSORJNING, n)],
            utbildningsniva: pick(UTBILDNINGSNIVA, n),
            tidIOffentligForsorjning: pick(TID_I_OFFENTLIG_FORSORJNING, n),
          },
        }
      : {}),
  };
};

/** Waits until /health reports no projection lag; false when `timeoutMs` passed first. */
const projectionsCaughtUp = async (baseUrl: string, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const health = (await fetch(`${baseUrl}/api/v1/health`)
      .then((r) => r.json())
      .catch(() => ({}))) as { projectionLag?: number | null };
    if (health.projectionLag === 0) return true;
    await sleep(200);
  }
  return false;
};

/** RSS of the API every `everyMs` while a phase runs. */
const sampleRss = (pid: number, everyMs: number): { stop(): number[] } => {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(rssOf(pid)), everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      samples.push(rssOf(pid));
      return samples;
    },
  };
};

const run = (
  baseUrl: string,
  token: string,
  duration: number,
  requests: Request[],
  overallRate?: number,
  amount?: number,
) =>
  autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    ...(amount === undefined ? { duration } : { amount }),
    timeout: 30,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests,
    ...(overallRate === undefined ? {} : { overallRate }),
  });

const describe = (label: string, result: Result): string[] => {
  const seconds = result.duration;
  const statuses = Object.entries(result.statusCodeStats)
    .map(([status, { count }]) => `${status}: ${count.toLocaleString('en')}`)
    .join(', ');
  return [
    `${label}: ${result['2xx'].toLocaleString('en')} answered 2xx in ${seconds.toFixed(1)} s, ` +
      `${Math.round(result['2xx'] / seconds).toLocaleString('en')}/s`,
    `  latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    `  errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx} (${statuses})`,
  ];
};

/** Statements the API sent per command during the command phase, the most frequent first. */
const statementsPerCommand = (
  before: Map<string, number>,
  after: Map<string, number>,
  commandCount: number,
): string[] => {
  const sent = [...after]
    .map(([statement, count]) => [statement, count - (before.get(statement) ?? 0)] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1]);
  const all = sent.reduce((sum, [, count]) => sum + count, 0);
  const per = (count: number): string => (count / Math.max(1, commandCount)).toFixed(2);
  return [
    `statements per command: ${per(all)} (all the API sent to PostgreSQL, projections included)`,
    ...sent.slice(0, 15).map(([statement, count]) => `  ${per(count).padStart(6)}  ${statement}`),
  ];
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/**
 * Whether the API's memory stayed flat over the commands: RSS rises and falls with the garbage
 * collector, so the medians of the first and the last fifth of the samples are compared.
 */
const rssTrend = (atStart: number, samples: readonly number[]): string[] => {
  const fifth = Math.max(1, Math.floor(samples.length / 5));
  const first = median(samples.slice(0, fifth));
  const last = median(samples.slice(-fifth));
  return [
    `  every second under commands (${samples.length} samples): min ${mib(Math.min(...samples))}, ` +
      `max ${mib(Math.max(...samples))}; start ${mib(atStart)}, end ${mib(samples.at(-1)!)}`,
    `  median of the first fifth ${mib(first)}, of the last fifth ${mib(last)} ` +
      `(${last > first ? '+' : ''}${((last - first) / MIB).toFixed(1)} MiB)`,
  ];
};

const printProfile = (lines: ProfileLine[], title: string): void => {
  console.log(`  ${title}`);
  for (const line of lines) {
    console.log(`    ${(line.share * 100).toFixed(1).padStart(5)} %  ${line.name}`);
  }
};

const main = async (): Promise<void> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'deltagarflode-bench-http-'));
  if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
  const profilesBefore = new Set(PROFILE_DIR ? readdirSync(PROFILE_DIR) : []);
  let api: ApiProcess | undefined;
  /** When the command phase ran (epoch ms), to cut it out of the profile. */
  const commandPhase = { from: 0, to: 0 };
  try {
    api = await startApi(dataDir);
    const { baseUrl, pid } = api;
    const admin = await login(baseUrl, ADMIN);
    const insatsBody = {
      inriktning: 'individinriktad',
      matmetod: 'individ',
      startdatum: '2024-01-01',
    };
    const insatsId = (
      await call(baseUrl, 'POST', '/insatser', { namn: 'Last', ...insatsBody }, admin)
    ).id as string;
    const readInsatsId = (
      await call(baseUrl, 'POST', '/insatser', { namn: 'Läsning', ...insatsBody }, admin)
    ).id as string;
    await call(
      baseUrl,
      'POST',
      '/users',
      { ...PERSONAL, roll: 'personal', insatser: [insatsId, readInsatsId] },
      admin,
    );
    const personal = await login(baseUrl, PERSONAL);
    for (let n = 0; n < READ_INSATS_DELTAGANDEN; n++) {
      await call(baseUrl, 'POST', `/insatser/${readInsatsId}/deltaganden`, remissBody(n), personal);
    }

    let n = 0;
    const registrations: Request[] = [
      {
        method: 'POST',
        path: `/api/v1/insatser/${insatsId}/deltaganden`,
        setupRequest: (request) => ({ ...request, body: JSON.stringify(remissBody(n++)) }),
      },
    ];
    // Compiled code and filled pools before the measured part, which then shows the steady state.
    if (WARMUP > 0) await run(baseUrl, personal, WARMUP, registrations, RATE);
    // What the API and PostgreSQL use doing nothing (polling, timers): at a low --rate it is
    // a large part of the CPU per command.
    const idleFrom = cpuNow(pid, dataDir);
    await sleep(IDLE_SECONDS * 1000);
    const idle = (({ api, postgres }) => ({ api, postgres }))(cpuNow(pid, dataDir));

    const rssAtStart = rssOf(pid);
    const commandRss = sampleRss(pid, RSS_EVERY_MS);
    const statementsAtStart = await statementsSent(pid);
    const cpuAtStart = cpuNow(pid, dataDir);
    commandPhase.from = Date.now();
    const commands = await run(baseUrl, personal, DURATION, registrations, RATE, REQUESTS);
    const cpuAfterCommands = cpuNow(pid, dataDir);
    commandPhase.to = Date.now();
    const rssDuringCommands = commandRss.stop();
    const statementsAfter = await statementsSent(pid);

    // Reads wait for the projections to pass the head; measured apart from the reading itself.
    const catchUpStart = Date.now();
    const caughtUp = await projectionsCaughtUp(baseUrl, 300_000);
    const catchUpSeconds = (Date.now() - catchUpStart) / 1000;

    // A paged list (API.md version 2) when the API pages, else the small insats's whole list.
    const paged = await fetch(`${baseUrl}/api/v1/insatser/${insatsId}/deltaganden?limit=100`, {
      headers: { authorization: `Bearer ${personal}` },
    }).then((r) => r.ok);
    const listPath = paged
      ? `/api/v1/insatser/${insatsId}/deltaganden?limit=100`
      : `/api/v1/insatser/${readInsatsId}/deltaganden`;
    const readRss = sampleRss(pid, 10_000);
    // One list after the other, so each gets figures of its own.
    const readPaths = [
      [paged ? 'a page of 100 deltaganden' : 'a list of 100 deltaganden', listPath],
      ['the insatser', '/api/v1/insatser'],
      ['one insats', `/api/v1/insatser/${insatsId}`],
    ] as const;
    const reads: [string, Result][] = [];
    for (const [label, path] of readPaths) {
      const result = await run(baseUrl, personal, Math.max(1, Math.round(READ_DURATION / 3)), [
        { method: 'GET', path },
      ]);
      reads.push([label, result]);
    }
    const rssDuringReads = readRss.stop();

    const commandsPerSecond = commands['2xx'] / commands.duration;
    const perCommand = (seconds: number): number => (seconds * 1000) / Math.max(1, commands['2xx']);
    const ms = (cpu: Cpu): string =>
      `${perCommand(cpu.user + cpu.system).toFixed(2)} ms (user ${perCommand(cpu.user).toFixed(2)}, ` +
      `system ${perCommand(cpu.system).toFixed(2)})`;
    const cpu = {
      api: minus(cpuAfterCommands.api, cpuAtStart.api),
      postgres: minus(cpuAfterCommands.postgres, cpuAtStart.postgres),
      load: minus(cpuAfterCommands.load, cpuAtStart.load),
    };
    const total = (c: Cpu): number => perCommand(c.user + c.system);
    const cores = availableParallelism();
    const serverMs = total(cpu.api) + total(cpu.postgres);
    const statementLines = STATEMENTS_FILE
      ? statementsPerCommand(statementsAtStart, statementsAfter, commands['2xx'])
      : [];
    const lines = [
      `HTTP bench: ${CONNECTIONS} connections, commands ` +
        (REQUESTS === undefined
          ? `for ${DURATION} s`
          : `${REQUESTS.toLocaleString('en')} (${commands.requests.sent.toLocaleString('en')} sent)`) +
        (RATE === undefined ? '' : ` held at ${RATE}/s`) +
        ` after ${WARMUP} s of warm-up, reads for ${READ_DURATION} s`,
      ...describe('commands (POST /insatser/:id/deltaganden)', commands),
      `projections caught up with the commands ${catchUpSeconds.toFixed(1)} s after them` +
        (caughtUp ? '' : ' (NOT: gave up waiting)'),
      ...reads.flatMap(([label, result]) => describe(`reads of ${label}`, result)),
      `CPU ms per command (API / PostgreSQL): ${total(cpu.api).toFixed(2)} / ${total(cpu.postgres).toFixed(2)}` +
        ` (the projections run in the API process and catch up meanwhile)`,
      `  API ${ms(cpu.api)}; PostgreSQL ${ms(cpu.postgres)}; load generator ${ms(cpu.load)}`,
      `  ${cores} cores allow at most ~${Math.round((cores * 1000) / serverMs).toLocaleString('en')} commands/s ` +
        `for API and PostgreSQL alone, ~${Math.round((cores * 1000) / (serverMs + total(cpu.load))).toLocaleString('en')}/s ` +
        `with the load generator on the same cores`,
      `  idle, CPU ms per second (API / PostgreSQL): ` +
        `${(((idle.api.user + idle.api.system - idleFrom.api.user - idleFrom.api.system) * 1000) / IDLE_SECONDS).toFixed(1)} / ` +
        `${(((idle.postgres.user + idle.postgres.system - idleFrom.postgres.user - idleFrom.postgres.system) * 1000) / IDLE_SECONDS).toFixed(1)}`,
      ...statementLines,
      `API process RSS: start ${mib(rssAtStart)}, after commands ${mib(rssDuringCommands.at(-1)!)}, ` +
        `end ${mib(rssDuringReads.at(-1)!)}`,
      ...(REQUESTS === undefined
        ? [
            `  every 10 s under commands: ${rssDuringCommands.map((b) => Math.round(b / MIB)).join(', ')} MiB`,
          ]
        : rssTrend(rssAtStart, rssDuringCommands)),
      `targets: ≥ ${TARGET.commandsPerSecond.toLocaleString('en')} commands/s ` +
        `(${commandsPerSecond >= TARGET.commandsPerSecond ? 'met' : 'MISSED'}), ` +
        `command p99 < ${TARGET.commandP99Ms} ms (${commands.latency.p99 < TARGET.commandP99Ms ? 'met' : 'MISSED'})`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const exitedAt = Date.now();
  if (PROFILE_DIR) {
    const written = readdirSync(PROFILE_DIR).filter(
      (file) => file.endsWith('.cpuprofile') && !profilesBefore.has(file),
    );
    for (const file of written) {
      // The command phase only: start-up and the reads would blur it.
      const summary = summarizeCpuProfile(join(PROFILE_DIR, file), 15, {
        fromMsBeforeEnd: exitedAt - commandPhase.from,
        toMsBeforeEnd: exitedAt - commandPhase.to,
      });
      console.log(
        `CPU profile ${join(PROFILE_DIR, file)}, under the commands (${summary.busySamples} busy samples)`,
      );
      printProfile(summary.byPackage.slice(0, 10), 'own time by package');
      printProfile(summary.selfTime, 'own time by function');
      printProfile(summary.totalTime, 'total time by function');
    }
  }
};

await main();
