import type { EventStore } from '#event-store';
import { ProjectionRunner, readModelProjections, SingleActiveProjector } from '#projections';
import {
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '#platform';
import { APP_CONFIG, DATABASE_URL } from '../config/config.module.js';
import { EVENT_STORE } from '../event-store/event-store.module.js';

const logger = new Logger('Projections');
const log = (message: string, error?: unknown): void =>
  error === undefined
    ? logger.log(message)
    : logger.error(message, error instanceof Error ? error.stack : String(error));

/**
 * The read-model projections. The runner is always provided (reads wait on its checkpoint);
 * with PROJECTIONS=on this process also competes to be the database's one active projector.
 */
@Global()
@Module({
  providers: [
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, getDataSourceToken()],
      useFactory: (store: EventStore, dataSource: DataSource) =>
        new ProjectionRunner(store, dataSource, readModelProjections(), { log }),
    },
    {
      provide: SingleActiveProjector,
      inject: [ProjectionRunner, DATABASE_URL],
      useFactory: (runner: ProjectionRunner, databaseUrl: string) =>
        new SingleActiveProjector(runner, databaseUrl, { log }),
    },
  ],
  exports: [ProjectionRunner],
})
export class ProjectionsModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(SingleActiveProjector) private readonly projector: SingleActiveProjector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.projections === 'on') this.projector.start();
  }

  /** Before TypeORM closes its pool (that happens at application shutdown). */
  async onModuleDestroy(): Promise<void> {
    await this.projector.stop();
  }
}
