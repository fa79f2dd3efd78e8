import type { EventStore } from '#event-store';
import { InsatsRow, ProjectionRunner } from '#projections';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { ProjectionLagError } from '../http/application-errors.js';
import { READ_YOUR_WRITES_TIMEOUT_MS } from '../http/read-your-writes.interceptor.js';
import { InsatsAccess } from '../insatser/insats-access.js';

/**
 * The grupper the förbund's insatser belong to. The förbund's insatser come from the read
 * model once it has every insats created before the request; each one's grupp from its stream
 * (the write side's truth), so a grupp an admin has just given an insats counts at once.
 */
@Injectable()
export class ForbundetsGrupper {
  constructor(
    @InjectRepository(InsatsRow) private readonly insatser: Repository<InsatsRow>,
    private readonly access: InsatsAccess,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
  ) {}

  async harGrupp(forbundId: string, grupp: string): Promise<boolean> {
    const head = await this.store.headPosition();
    // Stalled projections cannot catch up by waiting: go on with the insatser they have.
    if (!(await this.runner.waitUntil(head, READ_YOUR_WRITES_TIMEOUT_MS)) && !this.runner.stall)
      throw new ProjectionLagError();
    const rows = await this.insatser.find({ select: { id: true }, where: { forbundId } });
    const states = await Promise.all(
      rows.map(({ id }) => this.access.stateInForbund(id, forbundId)),
    );
    return states.some((insats) => insats.grupp === grupp);
  }
}
