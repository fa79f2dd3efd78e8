import { parseAldersgrupper } from '#domain';
import { StatistikService, type StatistikReport } from '#statistik';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user.js';
import { ForbundRow } from '../../forbund/forbund.entity.js';
import { InsatsScope } from '../insats-scope.js';
import { ReportGate } from '../report-gate.js';
import type { StatistikReportQueryDto } from './statistik.request.dto.js';

export class StatistikQuery extends Query<StatistikReport> {
  constructor(
    readonly params: StatistikReportQueryDto,
    readonly user: AuthUser,
  ) {
    super();
  }
}

@QueryHandler(StatistikQuery)
export class StatistikHandler implements IQueryHandler<StatistikQuery> {
  constructor(
    private readonly statistik: StatistikService,
    private readonly scope: InsatsScope,
    private readonly gate: ReportGate,
    @InjectRepository(ForbundRow) private readonly forbund: Repository<ForbundRow>,
  ) {}

  execute(query: StatistikQuery): Promise<StatistikReport> {
    return this.gate.run(() => this.report(query));
  }

  private async report({ params, user }: StatistikQuery): Promise<StatistikReport> {
    const insatsIds = await this.scope.resolve(params.insats, user.forbundId);
    const forbund = await this.forbund.findOneByOrFail({ id: user.forbundId });
    return this.statistik.report(
      {
        forbundId: user.forbundId,
        fran: params.fran,
        till: params.till,
        ...(insatsIds ? { insatsIds } : {}),
        ...(params.asOf ? { asOf: new Date(params.asOf) } : {}),
        ...(params.aldersgrupper
          ? { aldersgrupper: parseAldersgrupper(params.aldersgrupper) }
          : {}),
      },
      { id: forbund.id, namn: forbund.namn },
      {
        ...(params.jamfor ? { jamfor: params.jamfor } : {}),
        ...(params.skydda ? { skydda: true } : {}),
      },
    );
  }
}
