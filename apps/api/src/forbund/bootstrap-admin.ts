import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '#platform';
import { APP_CONFIG } from '../config/config.module.js';
import { ForbundRegistry } from './forbund-registry.js';

/** On first start, ADMIN_EMAIL/ADMIN_PASSWORD become the systemadmin of FORBUND_NAMN. */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: ForbundRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin || (await this.registry.hasAnyUser())) return;
    await this.registry.create(this.config.forbundNamn, admin, { systemadmin: true });
    this.logger.log(`Skapade förbundet "${this.config.forbundNamn}" med dess första admin`);
  }
}
