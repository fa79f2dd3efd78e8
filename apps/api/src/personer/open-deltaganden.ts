import type { EventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { ProjectionLagError } from '../http/application-errors.js';
import { READ_YOUR_WRITES_TIMEOUT_MS } from '../http/read-your-writes.interceptor.js';

/** Whether a registered person already has an open deltagande in an insats. */
@Injectable()
export class OpenDeltaganden {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
  ) {}

  async exists(personId: string, insatsId: string, except?: string): Promise<boolean> {
    // The read model must include every deltagande written so far.
    const head = await this.store.headPosition();
    if (!(await this.runner.waitUntil(head, READ_YOUR_WRITES_TIMEOUT_MS)))
      throw new ProjectionLagError();
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM deltagande
       WHERE person_id = $1 AND insats_id = $2 AND status IN ('remitterad', 'inskriven')
         AND ($3::uuid IS NULL OR id <> $3::uuid)
       LIMIT 1`,
      [personId, insatsId, except ?? null],
    );
    return rows.length > 0;
  }
}
