import { InsatsRow } from '#projections';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user.js';
import { ForbiddenError, NotFoundError } from '../../http/application-errors.js';
import { INSATS_SAKNAS } from '../insats-access.js';
import { toInsatsDto, type InsatsMedArsmalDto } from '../insats.response.dto.js';

export class HamtaInsatsQuery extends Query<InsatsMedArsmalDto> {
  constructor(
    readonly insatsId: string,
    readonly user: AuthUser,
  ) {
    super();
  }
}

@QueryHandler(HamtaInsatsQuery)
export class HamtaInsatsHandler implements IQueryHandler<HamtaInsatsQuery> {
  constructor(@InjectRepository(InsatsRow) private readonly insatser: Repository<InsatsRow>) {}

  async execute({ insatsId, user }: HamtaInsatsQuery): Promise<InsatsMedArsmalDto> {
    const row = await this.insatser.findOneBy({ id: insatsId, forbundId: user.forbundId });
    if (!row) throw new NotFoundError(INSATS_SAKNAS);
    if (user.roll === 'personal' && !user.insatser.includes(insatsId)) throw new ForbiddenError();
    return { ...toInsatsDto(row), arsmal: row.arsmal };
  }
}
