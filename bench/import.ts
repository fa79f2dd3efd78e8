/**
 * Import benchmark: a file of 400,000 deltaganden in the import template (in the förbund
 * reports' wording) imported into one förbund, and the same population entered command by
 * command (one append per command, as the API writes them) into a second förbund; then the
 * projections catch up and the two förbunds' statistics reports must be identical.
 *
 *   npm run bench:import -- [--scale 1] [--format csv|xlsx] [--writers 32] [--seed 1] [--utan-jamforelse]
 *
 * Prints the import's events per second (target ≥ 20,000 with fsync on), the peak RSS of this
 * process (target < 1 GiB), the CPU per event of this process and of PostgreSQL, how long the
 * projections (which make way for the import and catch up after it) took to reach the head,
 * and whether the reports are equal. Uses DATABASE_URL's server when set (a fresh database is created and
 * dropped), otherwise an embedded PostgreSQL at durable defaults in a temporary directory.
 */
import 'reflect-metadata';
import {
  deltagandeDecider,
  deltagandeStream,
  insatsDecider,
  insatsStream,
  type DeltagandeCommand,
  type DeltagandeContext,
} from '#domain';
import { PostgresEventStore, type EventStore, type NewEvent } from '#event-store';
import { loadConfig, migrateDatabase } from '#platform';
import { ProjectionRunner } from '#projections';
import { StatistikService } from '#statistik';
import { NestFactory } from '@nestjs/core';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module.js';
import { MIGRATIONS } from '../apps/api/src/database/data-source-options.js';
import { EVENT_STORE } from '../apps/api/src/event-store/event-store.module.js';
import { ImportKorning } from '../apps/api/src/import/import-korning.js';
import { lasRad, type ImportRad } from '../apps/api/src/import/import-rad.js';
import { KOLUMNER, type Kolumn } from '../apps/api/src/import/kolumner.js';
import { openBenchDatabase, PeakMemory, positiveInt } from './bench-support.js';
import { mulberry32 } from './statistik-dataset.js';

const FULL_SCALE = 400_000;
const TARGET = { eventsPerSecond: 20_000, peakRssBytes: 1024 ** 3 };
const SISTA_DAG = '2025-12-31';
const IMPORT_FORBUND = 'Importförbundet';
const JAMFOR_FORBUND = 'Jämförelseförbundet';
const FORSTA_DAG = Date.UTC(2016, 0, 1);
const DAGAR = (Date.UTC(2025, 11, 31) - FORSTA_DAG) / 86_400_000;
const INSATSER = [
  'Ung i Tyresö',
  'Ung i Nynäs',
  'Ungdomsteamet',
  'Balder',
  'ACTivera',
  'Individsamverkansteamet',
  'SamMA',
  'Resursrådet',
  'IPS Psykosvården',
  'ProLog',
];
const KOMMUNER = [
  'Stockholm',
  '0180',
  'Tyresö',
  '0138',
  'Haninge',
  'Nynäshamn',
  '0182',
  'Huddinge',
];
const REMITTENTER = [
  'AF',
  'Försäkringskassan',
  'Socialförvaltningen',
  'Jobbtorg',
  'Skola/KAA',
  'Vården',
  'Egenremiss',
  'Annat/ej angett',
];
const FORSORJNINGAR = [
  'Försörjningsstöd',
  'Sjuk- och rehabpenning',
  'A-kassa, Försörjningsstöd',
  'Aktivitetsersättning',
  'Aktivitetsstöd',
  'Studiestöd',
  'Ingen offentlig försörjning',
  'Sjukersättning',
];
const EFTER = ['Lön', 'Studiestöd', 'Försörjningsstöd', 'A-kassa', 'Ingen offentlig försörjning'];
const ORSAKER = [
  'Arbete',
  'Subventionerad anställning',
  'Studier',
  'Arbetssökande',
  'Fortsatt rehabilitering',
  'Ordinarie insats',
  'Avbrott',
  'Flytt',
];

/**
 * CPU seconds (user + system) used so far by this process and every process below it (the
 * embedded PostgreSQL and its backends), from /proc: a measure of the import's work that the
 * machine's load does not change, as wall-clock time does. Undefined where /proc is missing.
 */
const cpuSekunder = (): { node: number; postgres: number } | undefined => {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const tick = 100; // USER_HZ on Linux
  const processer = new Map<number, { parent: number; cpu: number }>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The fields after the command's name, which may itself hold spaces and parentheses.
      const falt = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      processer.set(Number(pid), {
        parent: Number(falt[1]),
        cpu: (Number(falt[11]) + Number(falt[12])) / tick,
      });
    } catch {
      // The process ended meanwhile.
    }
  }
  const under = (pid: number): boolean => {
    for (let p = processer.get(pid)?.parent; p !== undefined && p > 1; p = processer.get(p)?.parent)
      if (p === process.pid) return true;
    return false;
  };
  let postgres = 0;
  for (const [pid, { cpu }] of processer) if (under(pid)) postgres += cpu;
  const egen = process.cpuUsage();
  return { node: (egen.user + egen.system) / 1e6, postgres };
};

const datum = (dag: number): string =>
  new Date(FORSTA_DAG + dag * 86_400_000).toISOString().slice(0, 10);

/** One row of the file: the same row for the same seed and index, at any scale. */
const rad = (seed: number, index: number): Record<Kolumn, string> => {
  const random = mulberry32(seed * 1_000_003 + index);
  const val = <T>(lista: readonly T[]): T => lista[Math.floor(random() * lista.length)]!;
  const remissDag = Math.floor(random() * DAGAR);
  const remiss = datum(remissDag);
  const alder = 18 + Math.floor(random() * 42);
  const tom = (): string => '';
  const row: Record<Kolumn, string> = {
    externtId: `R-${index}`,
    insats: val(INSATSER),
    kon: val(['Kvinna', 'Kvinna', 'Man', 'Man', 'Ej angivet']),
    fodelsear: String(Number(remiss.slice(0, 4)) - alder),
    kommun: val(KOMMUNER),
    remissdatum: remiss,
    remittent: val(REMITTENTER),
    remittentEnhet: random() < 0.3 ? 'Enhet Söder' : tom(),
    inskrivningsdatum: tom(),
    forsorjningVidInskrivning: tom(),
    utbildningsniva: tom(),
    tidIOffentligForsorjning: tom(),
    avslutsdatum: tom(),
    avslutsorsak: tom(),
    forsorjningVidAvslut: tom(),
    aterremissdatum: tom(),
    aterremissorsak: tom(),
  };
  const sista = DAGAR;
  if (random() < 0.08) {
    row.aterremissdatum = datum(Math.min(sista, remissDag + Math.floor(random() * 45)));
    row.aterremissorsak = 'Annan planering';
    return row;
  }
  const inDag = remissDag + Math.floor(random() * 60);
  if (inDag > sista || random() < 0.05) return row;
  row.inskrivningsdatum = datum(inDag);
  row.forsorjningVidInskrivning = val(FORSORJNINGAR);
  row.utbildningsniva = val(['Förgymnasial', 'Gymnasial', 'Eftergymnasial', 'Uppgift saknas']);
  row.tidIOffentligForsorjning = val(['Under 1 år', '1–2 år', '2–5 år', 'Över 10 år', 'Okänd']);
  const utDag = inDag + 30 + Math.floor(random() * 670);
  if (utDag > sista || random() < 0.1) return row;
  row.avslutsdatum = datum(utDag);
  row.avslutsorsak = val(ORSAKER);
  row.forsorjningVidAvslut = val(EFTER);
  return row;
};

const csvFil = (seed: number, antal: number): Buffer => {
  const bitar: string[] = [
    `\uFEFF${stringify([KOLUMNER.map((k) => k.rubrik)], { delimiter: ';' })}`,
  ];
  for (let i = 0; i < antal; i += 10_000) {
    const rader = [];
    for (let j = i; j < Math.min(antal, i + 10_000); j++) {
      const r = rad(seed, j);
      rader.push(KOLUMNER.map((k) => r[k.nyckel]));
    }
    bitar.push(stringify(rader, { delimiter: ';' }));
  }
  return Buffer.from(bitar.join(''), 'utf8');
};

const xlsxFil = async (seed: number, antal: number): Promise<Buffer> => {
  const bitar: Buffer[] = [];
  const ut = new PassThrough();
  ut.on('data', (bit: Buffer) => bitar.push(bit));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: ut, useSharedStrings: true });
  const blad = workbook.addWorksheet('Deltaganden');
  blad.addRow(KOLUMNER.map((k) => k.rubrik)).commit();
  for (let i = 0; i < antal; i++) {
    const r = rad(seed, i);
    blad.addRow(KOLUMNER.map((k) => r[k.nyckel] || null)).commit();
  }
  await workbook.commit();
  return Buffer.concat(bitar);
};

/** The API's way: one append per command, the remiss first, then inskrivning, then the rest. */
/** Writes the file to disk; its bytes are not kept. */
const skrivFil = async (
  sokvag: string,
  format: 'csv' | 'xlsx',
  seed: number,
  antal: number,
): Promise<number> => {
  const fil = format === 'csv' ? csvFil(seed, antal) : await xlsxFil(seed, antal);
  await writeFile(sokvag, fil);
  return fil.length;
};

const kommandoForKommando = async (
  store: EventStore,
  rader: readonly ImportRad[],
  insatsIds: ReadonlyMap<string, string>,
  contexts: ReadonlyMap<string, DeltagandeContext>,
  writers: number,
): Promise<number> => {
  let nasta = 0;
  let handelser = 0;
  const skriv = async (): Promise<void> => {
    for (let index = nasta++; index < rader.length; index = nasta++) {
      const r = rader[index]!;
      const insatsId = insatsIds.get(r.insats)!;
      const context = contexts.get(insatsId)!;
      const id = randomUUID();
      const kommandon: DeltagandeCommand[] = [
        {
          type: 'RegistreraRemiss',
          data: {
            deltagandeId: id,
            insatsId,
            datum: r.remiss.datum,
            remittent: r.remiss.remittent,
            remittentEnhet: r.remiss.remittentEnhet,
            person: { ...r.person, personId: null },
          },
          context,
        },
      ];
      if (r.inskrivning) kommandon.push({ type: 'SkrivIn', data: r.inskrivning, context });
      if (r.aterremiss) kommandon.push({ type: 'Aterremittera', data: r.aterremiss, context });
      if (r.avslut) kommandon.push({ type: 'Avsluta', data: r.avslut, context });
      let state = deltagandeDecider.initialState();
      let revision = -1;
      for (const kommando of kommandon) {
        const events = deltagandeDecider.decide(kommando, state);
        state = events.reduce(deltagandeDecider.evolve, state);
        const causationId = randomUUID();
        await store.appendToStream(
          deltagandeStream(id),
          events.map((e): NewEvent => ({
            type: e.type,
            data: e.data as Record<string, unknown>,
            metadata: { userId: 'bench', correlationId: causationId, causationId },
          })),
          { expectedRevision: revision < 0 ? 'no-stream' : revision },
        );
        revision += events.length;
        handelser += events.length;
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, skriv));
  return handelser;
};

const skapaInsatser = async (
  store: EventStore,
  forbundId: string,
): Promise<Map<string, string>> => {
  const ids = new Map<string, string>();
  for (const namn of INSATSER) {
    const insatsId = randomUUID();
    const events = insatsDecider.decide(
      {
        type: 'SkapaInsats',
        data: {
          insatsId,
          forbundId,
          namn,
          inriktning: 'individinriktad',
          matmetod: 'individ',
          startdatum: '2016-01-01',
          slutdatum: null,
          utforare: null,
          malgrupp: null,
        },
        context: { idag: SISTA_DAG },
      },
      insatsDecider.initialState(),
    );
    await store.appendToStream(
      insatsStream(insatsId),
      events.map((e) => ({
        type: e.type,
        data: e.data as Record<string, unknown>,
        metadata: { userId: 'bench', correlationId: insatsId, causationId: insatsId },
      })),
      { expectedRevision: 'no-stream' },
    );
    ids.set(namn, insatsId);
  }
  return ids;
};

/**
 * The report without what differs by nature: the förbund (and its name on the förbund's own
 * group), its insatsIds, the moment asked.
 */
const jamforbar = (report: unknown, namnFor: ReadonlyMap<string, string>): string =>
  JSON.stringify(report, (key, value: unknown) => {
    if (key === 'forbund' || key === 'asOf') return undefined;
    if (key === 'namn' && (value === IMPORT_FORBUND || value === JAMFOR_FORBUND))
      return 'förbundet';
    if (key === 'insatsId' && typeof value === 'string') return namnFor.get(value) ?? value;
    return value;
  });

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      format: { type: 'string', default: 'csv' },
      writers: { type: 'string', default: '32' },
      seed: { type: 'string', default: '1' },
      'utan-jamforelse': { type: 'boolean', default: false },
    },
  });
  const antal = Math.round(FULL_SCALE * Number(values.scale));
  const seed = positiveInt('seed', values.seed);
  const writers = positiveInt('writers', values.writers);
  if (values.format !== 'csv' && values.format !== 'xlsx') throw new Error('--format csv|xlsx');

  const db = await openBenchDatabase('bench_import', process.env.DATABASE_URL);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  try {
    await migrateDatabase(db.url, MIGRATIONS);
    const config = loadConfig({
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      ADMIN_EMAIL: 'admin@bench.se',
      ADMIN_PASSWORD: 'ett-langt-losenord',
      FORBUND_NAMN: IMPORT_FORBUND,
      JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256',
      IMPORT_MAX_MB: '1024',
      IMPORT_MAX_RADER: String(Math.max(antal, 1)),
    });
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, db.url), {
      logger: ['error', 'warn'],
    });
    try {
      const dataSource = app.get(DataSource);
      const store = app.get<EventStore>(EVENT_STORE);
      const runner = app.get(ProjectionRunner);
      const settings: { fsync: string; synchronous_commit: string }[] = await dataSource.query(
        `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit`,
      );
      console.log(
        `PostgreSQL fsync=${settings[0]!.fsync} synchronous_commit=${settings[0]!.synchronous_commit}`,
      );
      const [importForbund] = await dataSource.query(`SELECT id, namn FROM forbund`);
      const jamforForbund = { id: randomUUID(), namn: JAMFOR_FORBUND };
      await dataSource.query(`INSERT INTO forbund (id, namn) VALUES ($1, $2)`, [
        jamforForbund.id,
        jamforForbund.namn,
      ]);
      const importInsatser = await skapaInsatser(store, importForbund.id);
      const jamforInsatser = await skapaInsatser(store, jamforForbund.id);
      await runner.waitUntil(await store.headPosition(), 60_000);

      let started = Date.now();
      // Imported from disk, as `npm run cli -- import FIL` does: the file is read in pieces,
      // so the process never holds it whole.
      const sokvag = join(dataDir, `import.${values.format}`);
      const bytes = await skrivFil(sokvag, values.format, seed, antal);
      console.log(
        `${values.format.toUpperCase()} with ${antal.toLocaleString('en')} rows: ${(bytes / 1024 ** 2).toFixed(1)} MB in ${Date.now() - started} ms`,
      );

      const memory = new PeakMemory();
      const cpuFore = cpuSekunder();
      started = Date.now();
      const lage = await app.get(ImportKorning).kor(
        { sokvag },
        {
          importId: randomUUID(),
          forbundId: importForbund.id,
          userId: 'bench',
          torrkorning: false,
          allaEllerInget: false,
        },
      );
      const importMs = Date.now() - started;
      const cpuEfter = cpuSekunder();
      memory.stop();
      const eventsPerSecond = Math.round(lage.handelser / (importMs / 1000));
      console.log(
        `import: ${lage.skrivna.toLocaleString('en')} deltaganden, ${lage.handelser.toLocaleString('en')} events, ${lage.felTotalt} errors in ${(importMs / 1000).toFixed(1)} s = ${eventsPerSecond.toLocaleString('en')} events/s (target ≥ ${TARGET.eventsPerSecond.toLocaleString('en')}) ${eventsPerSecond >= TARGET.eventsPerSecond ? 'OK' : 'MISSED'}`,
      );
      console.log(
        `peak RSS during the import: ${(memory.peakRss / 1024 ** 2).toFixed(0)} MiB (target < 1024) ${memory.peakRss < TARGET.peakRssBytes ? 'OK' : 'MISSED'}`,
      );
      if (cpuFore && cpuEfter) {
        const nodeCpu = cpuEfter.node - cpuFore.node;
        const pgCpu = cpuEfter.postgres - cpuFore.postgres;
        const perTusen = (sekunder: number): string =>
          ((sekunder / Math.max(lage.handelser, 1)) * 1e6).toFixed(0);
        console.log(
          `CPU during the import: this process ${nodeCpu.toFixed(1)} s (${perTusen(nodeCpu)} µs/event, projections included), PostgreSQL ${pgCpu.toFixed(1)} s (${perTusen(pgCpu)} µs/event); load ${loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')}`,
        );
      }
      if (lage.felTotalt > 0) console.log(lage.fel.slice(0, 5));
      // The projections make way for the import (ProjectionRunner.makeWayFor) and catch up after
      // it: the import's rate is its own, and the time until the read models are at the head is
      // the other half of what a förbund waits for.
      const head = await store.headPosition();
      const ikappFore = Date.now();
      const caughtUp = await runner.waitUntil(head, 30 * 60_000);
      const cpuIkapp = cpuSekunder();
      console.log(
        `projections at the head: ${caughtUp} after ${((Date.now() - ikappFore) / 1000).toFixed(1)} s more (${((Date.now() - started) / 1000).toFixed(1)} s after the import began)`,
      );
      if (cpuFore && cpuEfter && cpuIkapp) {
        // What the projections left for after the import is as much the import's cost.
        const nodeCpu = cpuIkapp.node - cpuEfter.node;
        const pgCpu = cpuIkapp.postgres - cpuEfter.postgres;
        const perHandelse = (sekunder: number): string =>
          ((sekunder / Math.max(lage.handelser, 1)) * 1e6).toFixed(0);
        console.log(
          `CPU catching up: this process ${nodeCpu.toFixed(1)} s, PostgreSQL ${pgCpu.toFixed(1)} s; import and catch-up together ${perHandelse(cpuIkapp.node - cpuFore.node)} + ${perHandelse(cpuIkapp.postgres - cpuFore.postgres)} µs/event`,
        );
      }

      if (values['utan-jamforelse']) return;
      // Row i of the file, entered through the deciders command by command.
      const rader: ImportRad[] = [];
      for (let i = 0; i < antal; i++) {
        const celler = rad(seed, i);
        const last = lasRad(i + 2, celler);
        if (!last.fel) rader.push(last.rad);
      }
      const contexts = new Map<string, DeltagandeContext>();
      for (const insatsId of jamforInsatser.values())
        contexts.set(insatsId, {
          idag: SISTA_DAG,
          insats: {
            insatsId,
            startdatum: '2016-01-01',
            slutdatum: null,
            matmetod: 'individ',
            avslutad: false,
          },
        });
      started = Date.now();
      // A store of its own with a connection per writer: the application's pool (10) would
      // make most writers queue; each commit waits for its fsync, so more in flight is faster.
      const skrivStore = await PostgresEventStore.create({
        connectionString: db.url,
        poolSize: writers,
      });
      let handelser: number;
      try {
        handelser = await kommandoForKommando(skrivStore, rader, jamforInsatser, contexts, writers);
      } finally {
        await skrivStore.close();
      }
      console.log(
        `command by command: ${handelser.toLocaleString('en')} events in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      await runner.waitUntil(await store.headPosition(), 30 * 60_000);
      const statistik = new StatistikService(dataSource);
      const namn = new Map<string, string>(
        [...importInsatser, ...jamforInsatser].map(([n, id]) => [id, n]),
      );
      let lika = true;
      for (const [fran, till] of [
        ['2016-01-01', '2025-12-31'],
        ['2024-01-01', '2024-12-31'],
        ['2020-01-01', '2020-06-30'],
      ] as const) {
        const a = await statistik.report(
          { forbundId: importForbund.id, fran, till },
          importForbund,
        );
        const b = await statistik.report(
          { forbundId: jamforForbund.id, fran, till },
          jamforForbund,
        );
        const [ja, jb] = [jamforbar(a, namn), jamforbar(b, namn)];
        const same = ja === jb;
        if (!same) {
          let i = 0;
          while (ja[i] === jb[i]) i++;
          console.log(
            `  first difference: …${ja.slice(Math.max(0, i - 200), i + 80)}\n  vs …${jb.slice(Math.max(0, i - 200), i + 80)}`,
          );
        }
        lika &&= same;
        console.log(`report ${fran} – ${till}: imported ${same ? '=' : '≠'} command by command`);
      }
      console.log(lika ? 'reports identical: OK' : 'reports identical: MISSED');
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await db.drop();
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
