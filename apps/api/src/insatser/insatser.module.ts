import { InsatsRow } from '#projections';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommandsModule } from '../commands/commands.module.js';
import { SattArsmalController } from './arsmal/satt-arsmal.controller.js';
import { SattArsmalHandler } from './arsmal/satt-arsmal.handler.js';
import { HamtaInsatsController } from './hamta/hamta-insats.controller.js';
import { HamtaInsatsHandler } from './hamta/hamta-insats.query.js';
import { InsatsAccess } from './insats-access.js';
import { ListaInsatserController } from './lista/lista-insatser.controller.js';
import { ListaInsatserHandler } from './lista/lista-insatser.query.js';
import { SkapaInsatsController } from './skapa/skapa-insats.controller.js';
import { SkapaInsatsHandler } from './skapa/skapa-insats.handler.js';
import { RegistreraVolymController } from './volym/registrera-volym.controller.js';
import { RegistreraVolymHandler } from './volym/registrera-volym.handler.js';

const controllers = [
  SkapaInsatsController,
  ListaInsatserController,
  HamtaInsatsController,
  SattArsmalController,
  RegistreraVolymController,
];
const handlers = [
  SkapaInsatsHandler,
  ListaInsatserHandler,
  HamtaInsatsHandler,
  SattArsmalHandler,
  RegistreraVolymHandler,
];

@Module({
  imports: [CommandsModule, TypeOrmModule.forFeature([InsatsRow])],
  controllers,
  providers: [...handlers, InsatsAccess],
  exports: [InsatsAccess],
})
export class InsatserModule {}
