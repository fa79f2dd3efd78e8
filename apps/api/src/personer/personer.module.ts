import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommandsModule } from '../commands/commands.module.js';
import { PersonAtkomstController } from './atkomst/person-atkomst.controller.js';
import { Gallring } from './gallring.js';
import { PersonAtkomstRow, PersonRow } from './person.entity.js';
import { PersonLock } from './person-lock.js';
import { PersonVault } from './person-vault.js';
import { PersonensDeltaganden } from './personens-deltaganden.js';
import { RaderaPersonController } from './radera/radera-person.controller.js';

@Module({
  imports: [CommandsModule, TypeOrmModule.forFeature([PersonRow, PersonAtkomstRow])],
  controllers: [RaderaPersonController, PersonAtkomstController],
  providers: [PersonVault, PersonensDeltaganden, PersonLock, Gallring],
  exports: [PersonVault, PersonensDeltaganden, PersonLock, Gallring],
})
export class PersonerModule {}
