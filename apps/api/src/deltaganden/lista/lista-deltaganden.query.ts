import { DeltagandeRow, InsatsRow } from '#projections';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user.js';
import { ForbiddenError, NotFoundError } from '../../http/application-errors.js';
import { INSATS_SAKNAS } from '../../insatser/insats-access.js';
import { toDeltagandeDto, type DeltagandeDto } from '../deltagande.response.dto.js';
import type { ListbarStatus } from './lista-deltaganden.request.dto.js';

export class ListaDeltagandenQuery extends Query<DeltagandeDto[]> {
  constructor(
    readonly insatsId: string,
    readonly status: ListbarStatus | undefined,
    readonly user: AuthUser,
  ) {
    super();
  }
}

@QueryHandler(ListaDeltagandenQuery)
export class ListaDeltagandenHandler implements IQueryHandler<ListaDeltagandenQuery> {
  constructor(
    @InjectRepository(InsatsRow) private readonly insatser: Repository<InsatsRow>,
    @InjectRepository(DeltagandeRow) private readonly deltaganden: Repository<DeltagandeRow>,
  ) {}

  async execute({ insatsId, status, user }: ListaDeltagandenQuery): Promise<DeltagandeDto[]> {
    if (!(await this.insatser.existsBy({ id: insatsId, forbundId: user.forbundId }))) {
      throw new NotFoundError(INSATS_SAKNAS);
    }
    if (!user.insatser.includes(insatsId))
      throw new ForbiddenError('Du arbetar inte i den här insatsen');
    const rows = await this.deltaganden.find({
      where: { insatsId, ...(status ? { status } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return rows.map(toDeltagandeDto);
  }
}
