import { deltagandeStream } from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import { ForandringarService, reportPeriodProblem, ReportPeriodError } from '#statistik';
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
    const { forandringar, tillfallen } = await this.service.forandringar(
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
    const handelser = await this.handelserVid(tillfallen, user);
    return {
      fore: fore.toISOString(),
      efter: efter.toISOString(),
      andringar: forandringar.map(({ tillfallen: vid, ...cell }) => ({
        ...cell,
        handelser: vid.flatMap((at) => handelser.get(at) ?? []),
      })),
    };
  }

  /**
   * The events recorded at each moment, read from the streams of the deltaganden whose facts
   * changed then (as a deltagande's timeline is): ids, types and dates; e-mail for admins only.
   */
  private async handelserVid(
    tillfallen: readonly { at: string; deltagandeIds: string[] }[],
    user: AuthUser,
  ): Promise<Map<string, HandelseDto[]>> {
    const moments = new Map<string, Set<string>>();
    for (const { at, deltagandeIds } of tillfallen) {
      for (const id of deltagandeIds) moments.set(id, (moments.get(id) ?? new Set()).add(at));
    }
    const found: { at: string; deltagandeId: string; event: RecordedEvent }[] = [];
    for (const [deltagandeId, ats] of moments) {
      for (const event of await this.store.readStream(deltagandeStream(deltagandeId))) {
        const at = event.recordedAt.toISOString();
        if (ats.has(at)) found.push({ at, deltagandeId, event });
      }
    }
    const emails = new Map<string, string>();
    if (user.roll === 'admin') {
      const ids = [...new Set(found.map(({ event }) => String(event.metadata.userId)))];
      const rows: { id: string; email: string }[] = await this.dataSource.query(
        'SELECT id::text, email FROM app_user WHERE forbund_id = $1 AND id::text = ANY($2::text[])',
        [user.forbundId, ids],
      );
      for (const row of rows) emails.set(row.id, row.email);
    }
    const byMoment = new Map<string, HandelseDto[]>();
    for (const { at, deltagandeId, event } of found) {
      const email = emails.get(String(event.metadata.userId));
      byMoment.set(at, [
        ...(byMoment.get(at) ?? []),
        {
          deltagandeId,
          typ: event.type,
          datum: datumOf(event),
          recordedAt: at,
          ...(email ? { anvandare: email } : {}),
        },
      ]);
    }
    return byMoment;
  }
}
