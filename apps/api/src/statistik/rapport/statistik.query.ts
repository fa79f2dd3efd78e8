import { parseAldersgrupper } from '#domain';
import { InsatsRow } from '#projections';
import { skyddaReport, StatistikService, type StatistikReport } from '#statistik';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user.js';
import { ForbundRow } from '../../forbund/forbund.entity.js';
import { NotFoundError } from '../../http/application-errors.js';
import { INSATS_SAKNAS } from '../../insatser/insats-access.js';
import type { StatistikQueryDto } from './statistik.request.dto.js';

export class StatistikQuery extends Query<StatistikReport> {
  constructor(
    readonly params: StatistikQueryDto,
    readonly user: AuthUser,
  ) {
    super();
  }
}

@QueryHandler(StatistikQuery)
export class StatistikHandler implements IQueryHandler<StatistikQuery> {
  constructor(
    private readonly statistik: StatistikService,
    @InjectRepository(InsatsRow) private readonly insatser: Repository<InsatsRow>,
    @InjectRepository(ForbundRow) private readonly forbund: Repository<ForbundRow>,
  ) {}

  async execute({ params, user }: StatistikQuery): Promise<StatistikReport> {
    const insatsIds = params.insats ? [...new Set(params.insats)] : undefined;
    if (insatsIds) {
      const found = await this.insatser.countBy({ id: In(insatsIds), forbundId: user.forbundId });
      if (found !== insatsIds.length) throw new NotFoundError(INSATS_SAKNAS);
    }
    const forbund = await this.forbund.findOneByOrFail({ id: user.forbundId });
    const report = await this.statistik.report(
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
    );
    return params.skydda ? skyddaReport(report) : report;
  }
}
