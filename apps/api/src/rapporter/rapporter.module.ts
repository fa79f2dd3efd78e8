import { ForandringarService, StatistikService } from '#statistik';
import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { StatistikModule } from '../statistik/statistik.module.js';
import { ForandringarController } from './forandringar/forandringar.controller.js';
import { ForandringarHandler } from './forandringar/forandringar.query.js';
import { ListaRapporterController } from './lista/lista-rapporter.controller.js';

const controllers = [ListaRapporterController, ForandringarController];
const handlers = [ForandringarHandler];

/** The exports made (recorded by the export itself) and what has changed since. */
@Module({
  imports: [StatistikModule],
  controllers,
  providers: [
    ...handlers,
    {
      provide: ForandringarService,
      inject: [getDataSourceToken(), StatistikService],
      useFactory: (dataSource: DataSource, statistik: StatistikService) =>
        new ForandringarService(dataSource, statistik),
    },
  ],
})
export class RapporterModule {}
