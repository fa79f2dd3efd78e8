import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config.js';
import { openDatabase } from './database/database-server.js';
import { runGallring } from './personer/run-gallring.js';
import { rebuildProjections } from './projections/rebuild-projections.js';

const USAGE = `Användning: npm run cli -- <kommando>

Kommandon:
  projections:rebuild   Töm läsmodellerna och bygg om dem från händelse 0 (stoppa API:t först)
  gallring              Radera personuppgifter som passerat gallringstiden (GALLRING_MANADER)`;

type Command = (config: AppConfig, databaseUrl: string) => Promise<string>;

const COMMANDS: Record<string, Command> = {
  'projections:rebuild': async (_config, databaseUrl) => {
    const started = Date.now();
    const applied = await rebuildProjections(databaseUrl);
    return `Byggde om läsmodellerna: ${applied} händelser på ${Date.now() - started} ms`;
  },
  gallring: async (config, databaseUrl) =>
    `Gallring: personuppgifter raderade för ${await runGallring(config, databaseUrl)} personer`,
};

const main = async (): Promise<number> => {
  const { positionals } = parseArgs({ allowPositionals: true, strict: true });
  const command = COMMANDS[positionals[0] ?? ''];
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig(process.env);
  const database = await openDatabase(config, (message) => console.error(message));
  try {
    console.log(await command(config, database.url));
    return 0;
  } finally {
    await database.stop();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
