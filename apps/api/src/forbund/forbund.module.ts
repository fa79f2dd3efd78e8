import { InsatsRow } from '#projections';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommandsModule } from '../commands/commands.module.js';
import { InsatserModule } from '../insatser/insatser.module.js';
import { UsersModule } from '../users/users.module.js';
import { BootstrapAdmin } from './bootstrap-admin.js';
import { ForbundetsGrupper } from './forbundets-grupper.js';
import { ForbundRegistry } from './forbund-registry.js';
import { HamtaForbundsmalController } from './hamta-mal/hamta-forbundsmal.controller.js';
import { HamtaForbundsmalHandler } from './hamta-mal/hamta-forbundsmal.query.js';
import { SattForbundsmalController } from './mal/satt-forbundsmal.controller.js';
import { SattForbundsmalHandler } from './mal/satt-forbundsmal.handler.js';
import { SkapaForbundController } from './skapa/skapa-forbund.controller.js';
import { TaBortForbundsmalController } from './ta-bort-mal/ta-bort-forbundsmal.controller.js';
import { TaBortForbundsmalHandler } from './ta-bort-mal/ta-bort-forbundsmal.handler.js';

const controllers = [
  SkapaForbundController,
  SattForbundsmalController,
  TaBortForbundsmalController,
  HamtaForbundsmalController,
];
const handlers = [SattForbundsmalHandler, TaBortForbundsmalHandler, HamtaForbundsmalHandler];

@Module({
  imports: [UsersModule, CommandsModule, InsatserModule, TypeOrmModule.forFeature([InsatsRow])],
  controllers,
  providers: [ForbundRegistry, BootstrapAdmin, ForbundetsGrupper, ...handlers],
})
export class ForbundModule {}
