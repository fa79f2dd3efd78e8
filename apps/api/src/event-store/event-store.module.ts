import type { EventStore } from '#event-store';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, DATABASE_URL } from '../config/config.module.js';
import { createEventStore } from '#platform';

export const EVENT_STORE = Symbol('EVENT_STORE');

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
