import { Module } from '@nestjs/common';
import { InsatserModule } from '../insatser/insatser.module.js';
import { SkapaAnvandareController } from './skapa/skapa-anvandare.controller.js';
import { UserAccounts } from './user-accounts.js';

@Module({
  imports: [InsatserModule],
  controllers: [SkapaAnvandareController],
  providers: [UserAccounts],
  exports: [UserAccounts],
})
export class UsersModule {}
