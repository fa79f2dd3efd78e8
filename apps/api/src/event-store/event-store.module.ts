import { PostgresEventStore, type EventStore } from '#event-store';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, DATABASE_URL } from '../config/config.module.js';

export const EVENT_STORE = Symbol('EVENT_STORE');

const createEventStore = async (config: AppConfig, databaseUrl: string): Promise<EventStore> => {
  switch (config.eventStore) {
    case 'postgres':
      return PostgresEventStore.create({ connectionString: databaseUrl });
    case 'kurrentdb':
      throw new Error(
        'EVENT_STORE=kurrentdb: the KurrentDB adapter is not available in this version',
      );
  }
};

@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG, DATABASE_URL],
      useFactory: createEventStore,
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
