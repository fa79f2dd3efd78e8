import { DeltagandeRow, InsatsRow } from '#projections';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommandsModule } from '../commands/commands.module.js';
import { InsatserModule } from '../insatser/insatser.module.js';
import { PersonerModule } from '../personer/personer.module.js';
import { UserRow } from '../users/user.entity.js';
import { AterkallaAvslutController } from './aterkalla-avslut/aterkalla-avslut.controller.js';
import { AterkallaAvslutHandler } from './aterkalla-avslut/aterkalla-avslut.handler.js';
import { AterremitteraController } from './aterremiss/aterremittera.controller.js';
import { AterremitteraHandler } from './aterremiss/aterremittera.handler.js';
import { AvslutaController } from './avslut/avsluta.controller.js';
import { AvslutaHandler } from './avslut/avsluta.handler.js';
import { DeltagandeCommands } from './deltagande-commands.js';
import { HamtaDeltagandeController } from './hamta/hamta-deltagande.controller.js';
import { HamtaDeltagandeHandler } from './hamta/hamta-deltagande.query.js';
import { SkrivInController } from './inskrivning/skriv-in.controller.js';
import { SkrivInHandler } from './inskrivning/skriv-in.handler.js';
import { KorrigeraController } from './korrigering/korrigera.controller.js';
import { KorrigeraHandler } from './korrigering/korrigera.handler.js';
import { ListaDeltagandenController } from './lista/lista-deltaganden.controller.js';
import { ListaDeltagandenHandler } from './lista/lista-deltaganden.query.js';
import { MakuleraController } from './makulering/makulera.controller.js';
import { MakuleraHandler } from './makulering/makulera.handler.js';
import { RegistreraDeltagandeController } from './registrera/registrera-deltagande.controller.js';
import { RegistreraDeltagandeHandler } from './registrera/registrera-deltagande.handler.js';
import { RegistreraUppfoljningController } from './uppfoljning/registrera-uppfoljning.controller.js';
import { RegistreraUppfoljningHandler } from './uppfoljning/registrera-uppfoljning.handler.js';

const controllers = [
  RegistreraDeltagandeController,
  ListaDeltagandenController,
  HamtaDeltagandeController,
  AterremitteraController,
  SkrivInController,
  AvslutaController,
  RegistreraUppfoljningController,
  KorrigeraController,
  AterkallaAvslutController,
  MakuleraController,
];
const handlers = [
  RegistreraDeltagandeHandler,
  ListaDeltagandenHandler,
  HamtaDeltagandeHandler,
  AterremitteraHandler,
  SkrivInHandler,
  AvslutaHandler,
  RegistreraUppfoljningHandler,
  KorrigeraHandler,
  AterkallaAvslutHandler,
  MakuleraHandler,
];

@Module({
  imports: [
    CommandsModule,
    InsatserModule,
    PersonerModule,
    TypeOrmModule.forFeature([InsatsRow, DeltagandeRow, UserRow]),
  ],
  controllers,
  providers: [...handlers, DeltagandeCommands],
  exports: [DeltagandeCommands],
})
export class DeltagandenModule {}
