import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { BootstrapAdmin } from './bootstrap-admin.js';
import { ForbundRegistry } from './forbund-registry.js';
import { SkapaForbundController } from './skapa/skapa-forbund.controller.js';

@Module({
  imports: [UsersModule],
  controllers: [SkapaForbundController],
  providers: [ForbundRegistry, BootstrapAdmin],
})
export class ForbundModule {}
