import { InsatsRow } from '#projections';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user.js';
import { toInsatsDto, type InsatsDto } from '../insats.response.dto.js';

export class ListaInsatserQuery extends Query<InsatsDto[]> {
  constructor(readonly user: AuthUser) {
    super();
  }
}

@QueryHandler(ListaInsatserQuery)
export class ListaInsatserHandler implements IQueryHandler<ListaInsatserQuery> {
  constructor(@InjectRepository(InsatsRow) private readonly insatser: Repository<InsatsRow>) {}

  async execute({ user }: ListaInsatserQuery): Promise<InsatsDto[]> {
    const rows = await this.insatser.find({
      where:
        user.roll === 'personal'
          ? { forbundId: user.forbundId, id: In([...user.insatser]) }
          : { forbundId: user.forbundId },
      // The förbund's order: ordning, insatser without one last, then namn.
      order: { ordning: { direction: 'ASC', nulls: 'LAST' }, namn: 'ASC', id: 'ASC' },
    });
    return rows.map(toInsatsDto);
  }
}
