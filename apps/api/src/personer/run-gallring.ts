import { DataSource } from 'typeorm';
import { Clock } from '../commands/clock.js';
import type { AppConfig } from '#platform';
import { dataSourceOptions } from '../database/data-source-options.js';
import { Gallring } from './gallring.js';
import { PersonAtkomstRow, PersonRow } from './person.entity.js';
import { PersonVault } from './person-vault.js';

/** One gallring pass outside the API (`npm run cli -- gallring`); returns how many persons. */
export const runGallring = async (config: AppConfig, databaseUrl: string): Promise<number> => {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const vault = new PersonVault(
      config,
      dataSource.getRepository(PersonRow),
      dataSource.getRepository(PersonAtkomstRow),
    );
    return await new Gallring(config, dataSource, vault, new Clock()).run();
  } finally {
    await dataSource.destroy();
  }
};
