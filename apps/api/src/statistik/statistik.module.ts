import { InsatsRow } from '#projections';
import { StatistikService } from '#statistik';
import { Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ForbundRow } from '../forbund/forbund.entity.js';
import { StatistikExportController } from './export/statistik-export.controller.js';
import { StatistikController } from './rapport/statistik.controller.js';
import { StatistikHandler } from './rapport/statistik.query.js';

// The export route first: 'statistik/export' must not be taken for a report parameter.
const controllers = [StatistikExportController, StatistikController];
const handlers = [StatistikHandler];

@Module({
  imports: [TypeOrmModule.forFeature([InsatsRow, ForbundRow])],
  controllers,
  providers: [
    ...handlers,
    {
      provide: StatistikService,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new StatistikService(dataSource),
    },
  ],
})
export class StatistikModule {}
