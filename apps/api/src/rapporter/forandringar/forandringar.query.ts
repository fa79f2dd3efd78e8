import { deltagandeStream } from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import {
  ForandringarService,
  reportPeriodProblem,
  ReportPeriodError,
  type Orsak,
} from '#statistik';
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user.js';
import { EVENT_STORE } from '../../event-store/event-store.module.js';
import { BadRequestError } from '../../http/application-errors.js';
import { InsatsScope } from '../../statistik/insats-scope.js';
import { ReportGate } from '../../statistik/report-gate.js';
import type {
  ForandringarDto,
  ForandringarQueryDto,
  HandelseDto,
} from './forandringar.request.dto.js';

export class ForandringarQuery extends Query<ForandringarDto> {
  constructor(
    readonly params: ForandringarQueryDto,
    readonly user: AuthUser,
  ) {
    super();
  }
}

/** Streams read side by side when the events behind the changes are looked up. */
const STREAM_READERS = 4;

/** The business date an event carries, if any (a makulering or återkallat avslut has none). */
const datumOf = (event: RecordedEvent): string | null => {
  const { datum } = event.data as { datum?: unknown };
  return typeof datum === 'string' ? datum : null;
};

@QueryHandler(ForandringarQuery)
export class ForandringarHandler implements IQueryHandler<ForandringarQuery> {
  constructor(
    private readonly service: ForandringarService,
    private readonly scope: InsatsScope,
    private readonly gate: ReportGate,
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute(query: ForandringarQuery): Promise<ForandringarDto> {
    return this.gate.run(() => this.forandringar(query));
  }

  private async forandringar({ params, user }: ForandringarQuery): Promise<ForandringarDto> {
    const problem = reportPeriodProblem(params.fran, params.till);
    if (problem) throw new ReportPeriodError(problem);
    const fore = new Date(params.fore);
    const efter = params.efter ? new Date(params.efter) : new Date();
    if (fore >= efter) {
      throw new BadRequestError('Ogiltig begäran: fore', [
        { field: 'fore', errors: ['fore måste vara före efter'] },
      ]);
    }
    const insatsIds = await this.scope.resolve(params.insats, user.forbundId);
    const [forbund] = (await this.dataSource.query('SELECT id, namn FROM forbund WHERE id = $1', [
      user.forbundId,
    ])) as { id: string; namn: string }[];
    const forandringar = await this.service.forandringar(
      {
        forbundId: user.forbundId,
        fran: params.fran,
        till: params.till,
        ...(insatsIds ? { insatsIds } : {}),
      },
      fore,
      efter,
      forbund!,
    );
    const handelser = await this.handelser(
      forandringar.flatMap((forandring) => forandring.orsaker),
      user,
    );
    return {
      fore: fore.toISOString(),
      efter: efter.toISOString(),
      andringar: forandringar.map(({ orsaker, ...cell }) => ({
        ...cell,
        handelser: orsaker
          .flatMap(({ deltagandeId }) => handelser.get(deltagandeId) ?? [])
          .sort(
            (x, y) =>
              x.recordedAt.localeCompare(y.recordedAt) ||
              x.deltagandeId.localeCompare(y.deltagandeId),
          ),
      })),
    };
  }

  /**
   * The events behind each deltagande's changes: those of its stream (as its timeline reads
   * them) recorded at the moments its facts changed; ids, types and dates, e-mail for admins
   * only. Streams are read a few at a time side by side.
   */
  private async handelser(
    orsaker: readonly Orsak[],
    user: AuthUser,
  ): Promise<Map<string, HandelseDto[]>> {
    const moments = new Map<string, ReadonlySet<string>>();
    for (const { deltagandeId, tillfallen } of orsaker) {
      if (!moments.has(deltagandeId)) moments.set(deltagandeId, new Set(tillfallen));
    }
    const found: { deltagandeId: string; event: RecordedEvent }[] = [];
    const queue = [...moments];
    await Promise.all(
      Array.from({ length: Math.min(STREAM_READERS, queue.length) }, async () => {
        for (let next = queue.pop(); next; next = queue.pop()) {
          const [deltagandeId, ats] = next;
          for (const event of await this.store.readStream(deltagandeStream(deltagandeId))) {
            if (ats.has(event.recordedAt.toISOString())) found.push({ deltagandeId, event });
          }
        }
      }),
    );
    const emails = new Map<string, string>();
    if (user.roll === 'admin' && found.length > 0) {
      const ids = [...new Set(found.map(({ event }) => String(event.metadata.userId)))];
      const rows: { id: string; email: string }[] = await this.dataSource.query(
        'SELECT id::text, email FROM app_user WHERE forbund_id = $1 AND id::text = ANY($2::text[])',
        [user.forbundId, ids],
      );
      for (const row of rows) emails.set(row.id, row.email);
    }
    const byDeltagande = new Map<string, HandelseDto[]>();
    for (const { deltagandeId, event } of found) {
      const email = emails.get(String(event.metadata.userId));
      const handelse: HandelseDto = {
        deltagandeId,
        typ: event.type,
        datum: datumOf(event),
        recordedAt: event.recordedAt.toISOString(),
        ...(email ? { anvandare: email } : {}),
      };
      const list = byDeltagande.get(deltagandeId);
      if (list) list.push(handelse);
      else byDeltagande.set(deltagandeId, [handelse]);
    }
    return byDeltagande;
  }
}
