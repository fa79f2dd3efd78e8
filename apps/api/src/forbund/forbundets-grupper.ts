import type { EventStore } from '#event-store';
import { InsatsRow, ProjectionRunner } from '#projections';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { ProjectionLagError } from '../http/application-errors.js';
import { READ_YOUR_WRITES_TIMEOUT_MS } from '../http/read-your-writes.interceptor.js';

/**
 * Whether any of the förbund's insatser belongs to a grupp: one query on the insats read model
 * once it has every event written before the request, so a grupp an admin has just given an
 * insats counts at once.
 */
@Injectable()
export class ForbundetsGrupper {
  constructor(
    @InjectRepository(InsatsRow) private readonly insatser: Repository<InsatsRow>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
  ) {}

  async harGrupp(forbundId: string, grupp: string): Promise<boolean> {
    const head = await this.store.headPosition();
    // Stalled projections cannot catch up by waiting: go on with the insatser they have.
    if (!(await this.runner.waitUntil(head, READ_YOUR_WRITES_TIMEOUT_MS)) && !this.runner.stall)
      throw new ProjectionLagError();
    return this.insatser.existsBy({ forbundId, grupp });
  }
}
