import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { AppConfig } from '#platform';
import { APP_CONFIG } from '../config/config.module.js';
import { DeltagandenModule } from '../deltaganden/deltaganden.module.js';
import { ImportJobb } from './import-jobb.js';
import { ImportKorning } from './import-korning.js';
import { ImportMallController } from './mall/import-mall.controller.js';
import { ImportFilFelInterceptor } from './starta/import-fil.interceptor.js';
import { StartaImportController } from './starta/starta-import.controller.js';
import { ImportStatusController } from './status/import-status.controller.js';
import { importLagring } from './uppladdning.js';

// The template's routes come before `:id`, which would otherwise take "mall.xlsx".
const controllers = [ImportMallController, StartaImportController, ImportStatusController];

@Module({
  imports: [
    DeltagandenModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      // To a file under DATA_DIR as it arrives, never whole in memory: the job reads it from there.
      useFactory: (config: AppConfig) => ({
        storage: importLagring(config),
        limits: { fileSize: config.importMaxBytes, files: 1, fields: 0, parts: 1 },
      }),
    }),
  ],
  controllers,
  providers: [ImportKorning, ImportJobb, ImportFilFelInterceptor],
  exports: [ImportKorning],
})
export class ImportModule {}
