import { typeOrmOptions } from '#platform';
import { READ_MODEL_ENTITIES } from '#projections';
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
import { LoginRateLimit1764500000000 } from './migrations/1764500000000-login-rate-limit.js';
import { IdempotencyClaim1764600000000 } from './migrations/1764600000000-idempotency-claim.js';
import { DeltagandeListaIndex1764600000001 } from './migrations/1764600000001-deltagande-lista-index.js';
import { InsatsGruppOrdning1764700000000 } from './migrations/1764700000000-insats-grupp-ordning.js';
import { KommunOchEnhet1764700000200 } from './migrations/1764700000200-kommun-och-enhet.js';
import { MalFakta1764700000300 } from './migrations/1764700000300-mal-fakta.js';
import { InsatsOchEkonomiFakta1764700000400 } from './migrations/1764700000400-insats-och-ekonomi-fakta.js';
import { Rapport1764720000010 } from './migrations/1764720000010-rapport.js';
import { ForandringarIndex1764800005000 } from './migrations/1764800005000-forandringar-index.js';
import { RegistreringFakta1764800004000 } from './migrations/1764800004000-registrering-fakta.js';
import { StatistikAsofIndex1764910000000 } from './migrations/1764910000000-statistik-asof-index.js';
import { ForandringarPersonIndex1764990000000 } from './migrations/1764990000000-forandringar-person-index.js';
import { PersonkonfliktIndex1765130000000 } from './migrations/1765130000000-personkonflikt-index.js';
import { RapportLasposition1765160000000 } from './migrations/1765160000000-rapport-lasposition.js';
import { DeltagandeFaktaToPosition1765200000000 } from './migrations/1765200000000-deltagande-fakta-to-position.js';
import { PersonAtkomstRow, PersonRow } from '../personer/person.entity.js';
import { RevokedTokenRow } from '../auth/revoked-token.entity.js';

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
  LoginRateLimit1764500000000,
  IdempotencyClaim1764600000000,
  DeltagandeListaIndex1764600000001,
  InsatsGruppOrdning1764700000000,
  KommunOchEnhet1764700000200,
  MalFakta1764700000300,
  InsatsOchEkonomiFakta1764700000400,
  Rapport1764720000010,
  ForandringarIndex1764800005000,
  RegistreringFakta1764800004000,
  StatistikAsofIndex1764910000000,
  ForandringarPersonIndex1764990000000,
  PersonkonfliktIndex1765130000000,
  RapportLasposition1765160000000,
  DeltagandeFaktaToPosition1765200000000,
];

/** The API's and CLI's view of the database: every table it maps, every migration. */
export const dataSourceOptions = (url: string): DataSourceOptions =>
  typeOrmOptions(url, { entities: ENTITIES, migrations: MIGRATIONS });
