import { READ_MODEL_ENTITIES } from '#projections';
import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { IdempotencyKeyRow } from '../commands/idempotency-key.entity.js';
import { ForbundRow } from '../forbund/forbund.entity.js';
import { UserRow } from '../users/user.entity.js';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema.js';
import { StatistikFakta1763900000000 } from './migrations/1763900000000-statistik-fakta.js';
import { Personuppgifter1764000000000 } from './migrations/1764000000000-personuppgifter.js';
import { StatistikIndex1764100000000 } from './migrations/1764100000000-statistik-index.js';
import { HistorikUrStrommen1764200000000 } from './migrations/1764200000000-historik-ur-strommen.js';
import { ProjektionStannad1764300000000 } from './migrations/1764300000000-projektion-stannad.js';
import { PersonAtkomstRow, PersonRow } from '../personer/person.entity.js';
import { RevokedTokenRow } from '../auth/revoked-token.entity.js';

// Civil dates stay strings (no timezone shifts); bigint positions and counts become numbers
// (positions stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export const ENTITIES = [
  ForbundRow,
  UserRow,
  IdempotencyKeyRow,
  PersonRow,
  PersonAtkomstRow,
  RevokedTokenRow,
  ...READ_MODEL_ENTITIES,
];
export const MIGRATIONS = [
  InitialSchema1763800000000,
  StatistikFakta1763900000000,
  Personuppgifter1764000000000,
  StatistikIndex1764100000000,
  HistorikUrStrommen1764200000000,
  ProjektionStannad1764300000000,
];

export const dataSourceOptions = (url: string): DataSourceOptions => ({
  type: 'postgres',
  url,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsTableName: 'schema_migration',
  synchronize: false,
  // Off: TypeORM's error log prints query parameters (password hashes, later personal data).
  // Failures still surface as errors, which the exception filter logs without parameters.
  logging: false,
  // A report groups ~100k rows several ways; with the stock 4 MB those sorts spill to disk.
  extra: { max: 10, options: '-c work_mem=64MB' },
});
