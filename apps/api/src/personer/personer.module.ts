import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommandsModule } from '../commands/commands.module.js';
import { PersonAtkomstController } from './atkomst/person-atkomst.controller.js';
import { Gallring } from './gallring.js';
import { OpenDeltaganden } from './open-deltaganden.js';
import { PersonAtkomstRow, PersonRow } from './person.entity.js';
import { PersonVault } from './person-vault.js';
import { RaderaPersonController } from './radera/radera-person.controller.js';

@Module({
  imports: [CommandsModule, TypeOrmModule.forFeature([PersonRow, PersonAtkomstRow])],
  controllers: [RaderaPersonController, PersonAtkomstController],
  providers: [PersonVault, OpenDeltaganden, Gallring],
  exports: [PersonVault, OpenDeltaganden, Gallring],
})
export class PersonerModule {}
