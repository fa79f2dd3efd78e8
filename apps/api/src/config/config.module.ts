import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '#platform';

export const APP_CONFIG = Symbol('APP_CONFIG');
/** Connection URL of the application database (embedded or DATABASE_URL). */
export const DATABASE_URL = Symbol('DATABASE_URL');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
      ],
      exports: [APP_CONFIG, DATABASE_URL],
    };
  }
}
