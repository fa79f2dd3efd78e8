import 'reflect-metadata';
import { DataSource } from 'typeorm';
import {
  ConfigError,
  createEventStore,
  loadConfig,
  startupFailureMessage,
  typeOrmOptions,
} from '#platform';
import {
  ProjectionRunner,
  READ_MODEL_ENTITIES,
  readModelProjections,
  SingleActiveProjector,
} from '#projections';

const log = (message: string, error?: unknown): void => {
  const line = `${new Date().toISOString()} [Projektor] ${message}`;
  if (error === undefined) console.log(line);
  else console.error(line, error instanceof Error ? error.message : error);
};

/**
 * A projector on its own (`node dist/apps/projector/src/main.js`), for deployments where
 * the API replicas run with PROJECTIONS=off. Any number may run: one is active, the others
 * wait on standby and take over when it stops.
 */
const main = async (): Promise<void> => {
  const config = loadConfig(process.env);
  if (!config.databaseUrl) {
    throw new ConfigError({
      DATABASE_URL:
        'required for the projector: it shares the API’s database (the API migrates it)',
    });
  }
  const store = await createEventStore(config, config.databaseUrl);
  const dataSource = new DataSource(
    // The projector writes read models only; the API owns the other tables and migrates.
    typeOrmOptions(config.databaseUrl, { entities: READ_MODEL_ENTITIES }),
  );
  await dataSource.initialize();
  const runner = new ProjectionRunner(store, dataSource, readModelProjections(), { log });
  const projector = new SingleActiveProjector(runner, config.databaseUrl, { log });
  projector.start();
  log('Startad');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stänger ner`);
    await projector.stop();
    await dataSource.destroy();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
};

main().catch((error: unknown) => {
  console.error(startupFailureMessage(error));
  process.exit(1);
});
