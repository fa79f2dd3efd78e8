import { DeltagandeRow, InsatsRow } from '#projections';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user.js';
import { ForbiddenError, NotFoundError } from '../../http/application-errors.js';
import {
  cursorTimestamp,
  decodeCursor,
  isTimestamp,
  isUuid,
  toPage,
  type Page,
} from '../../http/paging.js';
import { INSATS_SAKNAS } from '../../insatser/insats-access.js';
import { toDeltagandeDto, type DeltagandeDto } from '../deltagande.response.dto.js';
import type { ListbarStatus } from './lista-deltaganden.request.dto.js';

export class ListaDeltagandenQuery extends Query<Page<DeltagandeDto>> {
  constructor(
    readonly insatsId: string,
    readonly status: ListbarStatus | undefined,
    readonly page: { readonly limit: number; readonly cursor?: string | undefined },
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

  async execute({
    insatsId,
    status,
    page,
    user,
  }: ListaDeltagandenQuery): Promise<Page<DeltagandeDto>> {
    const after = page.cursor ? decodeCursor(page.cursor, [isTimestamp, isUuid]) : undefined;
    if (!(await this.insatser.existsBy({ id: insatsId, forbundId: user.forbundId }))) {
      throw new NotFoundError(INSATS_SAKNAS);
    }
    if (!user.insatser.includes(insatsId))
      throw new ForbiddenError('Du arbetar inte i den här insatsen');
    // Newest first; the key (created_at, id) never changes once a deltagande exists.
    const query = this.deltaganden
      .createQueryBuilder('d')
      .addSelect(cursorTimestamp('d.created_at'), 'cursor_created_at')
      .where('d.insats_id = :insatsId', { insatsId });
    if (status) query.andWhere('d.status = :status', { status });
    if (after) {
      query.andWhere(
        '(d.created_at < :createdAt::timestamptz OR (d.created_at = :createdAt::timestamptz AND d.id > :id::uuid))',
        { createdAt: after[0], id: after[1] },
      );
    }
    const { entities, raw } = await query
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .limit(page.limit + 1)
      .getRawAndEntities<{ cursor_created_at: string }>();
    const rows = entities.map((row, i) => ({ row, createdAt: raw[i]!.cursor_created_at }));
    return toPage(
      rows,
      page.limit,
      ({ row, createdAt }) => [createdAt, row.id],
      ({ row }) => toDeltagandeDto(row),
    );
  }
}
