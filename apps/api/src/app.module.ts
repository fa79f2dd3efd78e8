import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module.js';
import { IdempotencyKeyRow } from './commands/idempotency-key.entity.js';
import { IdempotencyInterceptor } from './commands/idempotency.interceptor.js';
import type { AppConfig } from '#platform';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { DatakvalitetModule } from './datakvalitet/datakvalitet.module.js';
import { DeltagandenModule } from './deltaganden/deltaganden.module.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { ForbundModule } from './forbund/forbund.module.js';
import { HealthModule } from './health/health.module.js';
import { ImportModule } from './import/import.module.js';
import { ErrorResponseFilter } from './http/error-response.filter.js';
import { ReadYourWritesInterceptor } from './http/read-your-writes.interceptor.js';
import { InsatserModule } from './insatser/insatser.module.js';
import { PersonerModule } from './personer/personer.module.js';
import { RapporterModule } from './rapporter/rapporter.module.js';
import { ProjectionsModule } from './projections/projections.module.js';
import { StatistikModule } from './statistik/statistik.module.js';
import { UsersModule } from './users/users.module.js';

@Module({})
export class AppModule {
  /** The database is migrated before this module is built (see main.ts). */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, databaseUrl),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        TypeOrmModule.forFeature([IdempotencyKeyRow]),
        CqrsModule.forRoot(),
        EventStoreModule,
        ProjectionsModule,
        AuthModule,
        ForbundModule,
        UsersModule,
        InsatserModule,
        DeltagandenModule,
        StatistikModule,
        RapporterModule,
        DatakvalitetModule,
        PersonerModule,
        ImportModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ErrorResponseFilter },
        { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
