import type { EventStore } from '#event-store';
import { ProjectionRunner, readModelProjections } from '#projections';
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
import { EVENT_STORE } from '../event-store/event-store.module.js';

const logger = new Logger('Projections');

/** Runs the read-model projections in this process. */
@Global()
@Module({
  providers: [
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, getDataSourceToken()],
      useFactory: (store: EventStore, dataSource: DataSource) =>
        new ProjectionRunner(store, dataSource, readModelProjections(), {
          log: (message, error) =>
            logger.error(message, error instanceof Error ? error.stack : error),
        }),
    },
  ],
  exports: [ProjectionRunner],
})
export class ProjectionsModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(ProjectionRunner) private readonly runner: ProjectionRunner) {}

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  /** Before TypeORM closes its pool (that happens at application shutdown). */
  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}
