import { InsatsRow } from '#projections';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommandsModule } from '../commands/commands.module.js';
import { AndraInsatsController } from './andra/andra-insats.controller.js';
import { AndraInsatsHandler } from './andra/andra-insats.handler.js';
import { AvslutaInsatsController } from './avslut/avsluta-insats.controller.js';
import { AvslutaInsatsHandler } from './avslut/avsluta-insats.handler.js';
import { InsatsensDeltaganden } from './avslut/insatsens-deltaganden.js';
import { SattArsmalController } from './arsmal/satt-arsmal.controller.js';
import { SattArsmalHandler } from './arsmal/satt-arsmal.handler.js';
import { SattEkonomiController } from './ekonomi/satt-ekonomi.controller.js';
import { SattEkonomiHandler } from './ekonomi/satt-ekonomi.handler.js';
import { HamtaInsatsController } from './hamta/hamta-insats.controller.js';
import { HamtaInsatsHandler } from './hamta/hamta-insats.query.js';
import { InsatsAccess } from './insats-access.js';
import { ListaInsatserController } from './lista/lista-insatser.controller.js';
import { ListaInsatserHandler } from './lista/lista-insatser.query.js';
import { SattMalController } from './mal/satt-mal.controller.js';
import { SattMalHandler } from './mal/satt-mal.handler.js';
import { HamtaMalOchEkonomiController } from './mal-och-ekonomi/hamta-mal-och-ekonomi.controller.js';
import { HamtaMalOchEkonomiHandler } from './mal-och-ekonomi/hamta-mal-och-ekonomi.query.js';
import { SkapaInsatsController } from './skapa/skapa-insats.controller.js';
import { SkapaInsatsHandler } from './skapa/skapa-insats.handler.js';
import { TaBortMalController } from './ta-bort-mal/ta-bort-mal.controller.js';
import { TaBortMalHandler } from './ta-bort-mal/ta-bort-mal.handler.js';
import { RegistreraVolymController } from './volym/registrera-volym.controller.js';
import { RegistreraVolymHandler } from './volym/registrera-volym.handler.js';

const controllers = [
  SkapaInsatsController,
  AndraInsatsController,
  AvslutaInsatsController,
  ListaInsatserController,
  HamtaInsatsController,
  SattArsmalController,
  RegistreraVolymController,
  SattMalController,
  TaBortMalController,
  SattEkonomiController,
  HamtaMalOchEkonomiController,
];
const handlers = [
  SkapaInsatsHandler,
  AndraInsatsHandler,
  AvslutaInsatsHandler,
  ListaInsatserHandler,
  HamtaInsatsHandler,
  SattArsmalHandler,
  RegistreraVolymHandler,
  SattMalHandler,
  TaBortMalHandler,
  SattEkonomiHandler,
  HamtaMalOchEkonomiHandler,
];

@Module({
  imports: [CommandsModule, TypeOrmModule.forFeature([InsatsRow])],
  controllers,
  providers: [...handlers, InsatsAccess, InsatsensDeltaganden],
  exports: [InsatsAccess],
})
export class InsatserModule {}
