import { InsatsRow } from '#projections';
import type { EventStore } from '#event-store';
import { StatistikService } from '#statistik';
import { Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { ForbundRow } from '../forbund/forbund.entity.js';
import { ReportRecorder } from '../rapporter/report-recorder.js';
import { StatistikExportController } from './export/statistik-export.controller.js';
import { StatistikController } from './rapport/statistik.controller.js';
import { StatistikHandler } from './rapport/statistik.query.js';
import { InsatsScope } from './insats-scope.js';
import { ReportGate } from './report-gate.js';
import { UnderlagController } from './underlag/underlag.controller.js';
import { UnderlagHandler } from './underlag/underlag.query.js';

// The export route first: 'statistik/export' must not be taken for a report parameter.
const controllers = [StatistikExportController, UnderlagController, StatistikController];
const handlers = [StatistikHandler, UnderlagHandler];

@Module({
  imports: [TypeOrmModule.forFeature([InsatsRow, ForbundRow])],
  controllers,
  providers: [
    ...handlers,
    InsatsScope,
    ReportRecorder,
    // One gate for the whole process: report, export and underlag share its places.
    { provide: ReportGate, useFactory: () => new ReportGate() },
    {
      provide: StatistikService,
      inject: [getDataSourceToken(), EVENT_STORE],
      // Recent reports' aggregates are kept and brought up to date by what changed since.
      useFactory: (dataSource: DataSource, store: EventStore) =>
        new StatistikService(dataSource, { cache: { events: store } }),
    },
  ],
  // The export records itself; /rapporter and /statistik/forandringar share gate and service.
  exports: [ReportRecorder, ReportGate, InsatsScope, StatistikService],
})
export class StatistikModule {}
