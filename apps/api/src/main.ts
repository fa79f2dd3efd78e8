import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig, openDatabase, startupFailureMessage } from '#platform';
import { createApp } from './create-app.js';
import { MIGRATIONS } from './database/data-source-options.js';

const logger = new Logger('Deltagarflöde');

const main = async (): Promise<void> => {
  const config = loadConfig(process.env);
  const database = await openDatabase(config, {
    log: (message) => logger.log(message),
    migrations: MIGRATIONS,
  });
  const app = await createApp(config, database.url);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stänger ner`);
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen(config.port);
  logger.log(`Lyssnar på http://localhost:${config.port} (API /api/v1, dokumentation /api/docs)`);
};

main().catch((error: unknown) => {
  logger.error(startupFailureMessage(error));
  process.exit(1);
});
