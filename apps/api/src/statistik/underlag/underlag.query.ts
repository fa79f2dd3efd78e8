import { StatistikService, type UnderlagRow } from '#statistik';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../auth/auth-user.js';
import { InsatsScope } from '../insats-scope.js';
import { ReportGate } from '../report-gate.js';
import type { UnderlagQueryDto } from './underlag.request.dto.js';

export class UnderlagQuery extends Query<UnderlagRow[]> {
  constructor(
    readonly params: UnderlagQueryDto,
    readonly user: AuthUser,
  ) {
    super();
  }
}

@QueryHandler(UnderlagQuery)
export class UnderlagHandler implements IQueryHandler<UnderlagQuery> {
  constructor(
    private readonly statistik: StatistikService,
    private readonly scope: InsatsScope,
    private readonly gate: ReportGate,
  ) {}

  execute(query: UnderlagQuery): Promise<UnderlagRow[]> {
    return this.gate.run(() => this.underlag(query));
  }

  private async underlag({ params, user }: UnderlagQuery): Promise<UnderlagRow[]> {
    const insatsIds = await this.scope.resolve(params.insats, user.forbundId);
    return this.statistik.underlag(
      {
        forbundId: user.forbundId,
        fran: params.fran,
        till: params.till,
        ...(insatsIds ? { insatsIds } : {}),
        ...(params.asOf ? { asOf: new Date(params.asOf) } : {}),
      },
      params.matt,
      params.kon,
    );
  }
}
