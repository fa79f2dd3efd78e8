import type { CivilDate } from '#domain';
import type { EventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EVENT_STORE } from '../../event-store/event-store.module.js';
import { ProjectionLagError } from '../../http/application-errors.js';
import { READ_YOUR_WRITES_TIMEOUT_MS } from '../../http/read-your-writes.interceptor.js';

/** What ending an insats must know about its deltaganden. */
export interface InsatsensDeltagandelage {
  /** Open (remitterad or inskriven), oldest first. */
  readonly oppna: string[];
  /** The latest remiss, återremiss, inskrivning or avslut date of a deltagande not makulerat. */
  readonly senasteDatum: CivilDate | null;
}

/** An insats's deltaganden as the deltagande read model has them, after every write so far. */
@Injectable()
export class InsatsensDeltaganden {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
  ) {}

  async lage(insatsId: string): Promise<InsatsensDeltagandelage> {
    // A deltagande registered a moment ago must count, so the read model must reach the head.
    const head = await this.store.headPosition();
    if (!(await this.runner.waitUntil(head, READ_YOUR_WRITES_TIMEOUT_MS)))
      throw new ProjectionLagError();
    const [oppna, [{ senaste }]] = await Promise.all([
      this.dataSource.query<{ id: string }[]>(
        `SELECT id FROM deltagande
         WHERE insats_id = $1 AND status IN ('remitterad', 'inskriven')
         ORDER BY created_at, id`,
        [insatsId],
      ),
      this.dataSource.query<{ senaste: string | null }[]>(
        `SELECT MAX(GREATEST(remiss_datum, inskrivning_datum, avslut_datum,
                             state->'aterremiss'->>'datum')) AS senaste
         FROM deltagande WHERE insats_id = $1 AND status <> 'makulerad'`,
        [insatsId],
      ),
    ]);
    return { oppna: oppna.map(({ id }) => id), senasteDatum: senaste };
  }
}
