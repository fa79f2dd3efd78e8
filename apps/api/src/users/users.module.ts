import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserRow } from './user.entity.js';
import { InsatserModule } from '../insatser/insatser.module.js';
import { AndraAnvandareController } from './andra/andra-anvandare.controller.js';
import { ListaAnvandareController } from './lista/lista-anvandare.controller.js';
import { ListaAnvandareHandler } from './lista/lista-anvandare.query.js';
import { SkapaAnvandareController } from './skapa/skapa-anvandare.controller.js';
import { UserAccounts } from './user-accounts.js';

@Module({
  imports: [InsatserModule, TypeOrmModule.forFeature([UserRow])],
  controllers: [SkapaAnvandareController, ListaAnvandareController, AndraAnvandareController],
  providers: [UserAccounts, ListaAnvandareHandler],
  exports: [UserAccounts],
})
export class UsersModule {}
