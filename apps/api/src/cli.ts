import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { isCivilDate } from '#domain';
import { ProjectionStalledError } from '#projections';
import {
  startupFailureMessage,
  loadConfig,
  type AppConfig,
  openDatabase,
  type EventStoreKind,
} from '#platform';
import { MIGRATIONS } from './database/data-source-options.js';
import { copyEventStore } from './event-store/copy-event-store.js';
import { importFranFil } from './import/import-fran-fil.js';
import { OgiltigImportfilError } from './import/las-fil.js';
import { runGallring } from './personer/run-gallring.js';
import { rebuildProjections } from './projections/rebuild-projections.js';
import { exportToFile } from './statistik/export/export-to-file.js';
import { reportPeriodProblem } from '#statistik';

const USAGE = `Användning: npm run cli -- <kommando>

Kommandon:
  projections:rebuild   Bygg om läsmodellerna från händelse 0 i nya tabeller; de gamla står kvar om det misslyckas (stoppa API:t först)
  gallring              Radera personuppgifter som passerat gallringstiden (GALLRING_MANADER)
  event-store:copy      Kopiera alla händelser mellan lagren (stoppa API:t först; kan köras om):
                          --from postgres|kurrentdb --to kurrentdb|postgres (kräver KURRENTDB_URL)
  export                Statistikrapporten till fil:
                          --fran ÅÅÅÅ-MM-DD --till ÅÅÅÅ-MM-DD --format csv|xlsx --out FIL
                          [--forbund ID] [--insats ID …] [--as-of TIDPUNKT] [--aldersgrupper 16-24,25-64] [--skydda]
  import FIL            Importera deltaganden ur en fil enligt importmallen (XLSX eller CSV):
                          [--torrkorning] (visa fel, skriv inget) [--alla-eller-inget] [--forbund ID]`;

const OPTIONS = {
  fran: { type: 'string' },
  till: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  forbund: { type: 'string' },
  insats: { type: 'string', multiple: true },
  'as-of': { type: 'string' },
  aldersgrupper: { type: 'string' },
  skydda: { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  torrkorning: { type: 'boolean' },
  'alla-eller-inget': { type: 'boolean' },
} as const;

type Options = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];
type Command = (
  config: AppConfig,
  databaseUrl: string,
  options: Options,
  positionals: readonly string[],
) => Promise<string>;

class UsageError extends Error {}

const required = (options: Options, name: 'fran' | 'till' | 'format' | 'out'): string => {
  const value = options[name];
  if (!value) throw new UsageError(`--${name} saknas`);
  return value;
};

const civilDate = (options: Options, name: 'fran' | 'till'): string => {
  const value = required(options, name);
  if (!isCivilDate(value)) throw new UsageError(`--${name} måste vara ett datum ÅÅÅÅ-MM-DD`);
  return value;
};

const COMMANDS: Record<string, Command> = {
  import: async (config, databaseUrl, options, positionals) => {
    const fil = positionals[1];
    if (!fil) throw new UsageError('Ange filen: npm run cli -- import FIL');
    try {
      return await importFranFil(
        config,
        databaseUrl,
        {
          fil,
          ...(options.forbund ? { forbundId: options.forbund } : {}),
          torrkorning: options.torrkorning === true,
          allaEllerInget: options['alla-eller-inget'] === true,
        },
        // One line, rewritten in place as the import goes.
        (rad) => process.stderr.write(`\r${rad}\x1b[K`),
      );
    } catch (error) {
      if (error instanceof OgiltigImportfilError) throw new UsageError(error.message);
      if ((error as { code?: string }).code === 'ENOENT')
        throw new UsageError(`Filen finns inte: ${fil}`);
      throw error;
    } finally {
      process.stderr.write('\n');
    }
  },
  'projections:rebuild': async (_config, databaseUrl) => {
    const started = Date.now();
    const applied = await rebuildProjections(databaseUrl);
    return `Byggde om läsmodellerna: ${applied} händelser på ${Date.now() - started} ms`;
  },
  gallring: async (config, databaseUrl) =>
    `Gallring: personuppgifter raderade för ${await runGallring(config, databaseUrl)} personer`,
  'event-store:copy': async (config, databaseUrl, options) => {
    const kind = (name: 'from' | 'to'): EventStoreKind => {
      const value = options[name];
      if (value !== 'postgres' && value !== 'kurrentdb') {
        throw new UsageError(`--${name} måste vara postgres eller kurrentdb`);
      }
      if (value === 'kurrentdb' && !config.kurrentDbUrl)
        throw new UsageError('KURRENTDB_URL saknas');
      return value;
    };
    return copyEventStore(config, databaseUrl, kind('from'), kind('to'), (message) =>
      console.error(message),
    );
  },
  export: async (_config, databaseUrl, options) => {
    const format = required(options, 'format');
    if (format !== 'csv' && format !== 'xlsx')
      throw new UsageError('--format måste vara csv eller xlsx');
    const asOf = options['as-of'] ? new Date(options['as-of']) : undefined;
    if (asOf && Number.isNaN(asOf.getTime()))
      throw new UsageError('--as-of måste vara en tidpunkt (ISO 8601)');
    const [fran, till] = [civilDate(options, 'fran'), civilDate(options, 'till')];
    const period = reportPeriodProblem(fran, till);
    if (period) throw new UsageError(period);
    return exportToFile(databaseUrl, {
      fran,
      till,
      format,
      out: required(options, 'out'),
      ...(options.forbund ? { forbundId: options.forbund } : {}),
      ...(options.insats ? { insatsIds: options.insats } : {}),
      ...(asOf ? { asOf } : {}),
      ...(options.aldersgrupper ? { aldersgrupper: options.aldersgrupper } : {}),
      skydda: options.skydda === true,
    });
  },
};

const main = async (): Promise<number> => {
  const { positionals, values } = parseArgs({
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const command = COMMANDS[positionals[0] ?? ''];
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig(process.env);
  const database = await openDatabase(config, {
    log: (message) => console.error(message),
    migrations: MIGRATIONS,
  });
  try {
    console.log(await command(config, database.url, values, positionals));
    return 0;
  } catch (error) {
    // Not a start-up failure: the rebuild ran, and left the read models as they were.
    if (error instanceof ProjectionStalledError) {
      console.error(`Ombyggnaden avbröts; läsmodellerna är orörda. ${error.message}`);
      return 1;
    }
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  } finally {
    await database.stop();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(startupFailureMessage(error));
    process.exit(1);
  },
);
