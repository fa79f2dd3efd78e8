import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/app-config.js';
import { openDatabase } from './database/database-server.js';
import { rebuildProjections } from './projections/rebuild-projections.js';

const USAGE = `Användning: npm run cli -- <kommando>

Kommandon:
  projections:rebuild   Töm läsmodellerna och bygg om dem från händelse 0 (stoppa API:t först)`;

const main = async (): Promise<number> => {
  const { positionals } = parseArgs({ allowPositionals: true, strict: true });
  const [command] = positionals;
  if (command !== 'projections:rebuild') {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig(process.env);
  const database = await openDatabase(config, (message) => console.error(message));
  try {
    const started = Date.now();
    const applied = await rebuildProjections(database.url);
    console.log(`Byggde om läsmodellerna: ${applied} händelser på ${Date.now() - started} ms`);
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
