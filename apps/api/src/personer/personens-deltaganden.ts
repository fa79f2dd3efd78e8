import type { DeltagandeContext, Kon } from '#domain';
import type { EventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { ProjectionLagError } from '../http/application-errors.js';
import { READ_YOUR_WRITES_TIMEOUT_MS } from '../http/read-your-writes.interceptor.js';

/** One of a registered person's deltaganden, as the rules across them need it. */
export interface PersonensDeltagande {
  readonly id: string;
  readonly insatsId: string;
  readonly status: string;
  readonly kon: Kon;
  readonly fodelsear: number;
}

const OPPEN = ['remitterad', 'inskriven'];

/** A registered person's deltaganden, read from the deltagande read model. */
@Injectable()
export class PersonensDeltaganden {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
  ) {}

  /**
   * Every deltagande of the person, oldest first. The read model must include every event
   * written so far, so this waits for the projections to pass the store's head; under the
   * person's lock that includes every earlier command on the person.
   */
  async read(personId: string): Promise<PersonensDeltagande[]> {
    const head = await this.store.headPosition();
    if (!(await this.runner.waitUntil(head, READ_YOUR_WRITES_TIMEOUT_MS)))
      throw new ProjectionLagError();
    return this.dataSource.query(
      `SELECT id, insats_id AS "insatsId", status, state->'person'->>'kon' AS kon,
              (state->'person'->>'fodelsear')::int AS fodelsear
       FROM deltagande WHERE person_id = $1
       ORDER BY created_at, id`,
      [personId],
    );
  }
}

/**
 * What the decider needs to know about the person's other deltaganden (all but `except`):
 * whether one is open in the insats, and the kön and födelseår they agree on.
 */
export const personContext = (
  deltaganden: readonly PersonensDeltagande[],
  insatsId: string,
  except?: string,
): Pick<DeltagandeContext, 'personHarOppetDeltagandeIInsatsen' | 'personensUppgifter'> => {
  const andra = deltaganden.filter((d) => d.id !== except && d.status !== 'makulerad');
  return {
    personHarOppetDeltagandeIInsatsen: andra.some(
      (d) => d.insatsId === insatsId && OPPEN.includes(d.status),
    ),
    personensUppgifter: {
      kon: [...new Set(andra.map((d) => d.kon))],
      fodelsear: [...new Set(andra.map((d) => d.fodelsear))],
    },
  };
};
