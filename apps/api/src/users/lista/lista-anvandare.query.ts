import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { decodeCursor, isUuid, toPage, type Page } from '../../http/paging.js';
import { UserRow } from '../user.entity.js';
import { toUserDto, type UserDto } from '../user.response.dto.js';

// eslint-disable-next-line no-control-regex
const isEmailKey = (part: string): boolean => /^[^\u0000-\u001f]{1,320}$/.test(part);

export class ListaAnvandareQuery extends Query<Page<UserDto>> {
  constructor(
    readonly forbundId: string,
    readonly page: { readonly limit: number; readonly cursor?: string | undefined },
  ) {
    super();
  }
}

/** The förbund's users by e-mail, a page at a time; the key (email, id) is unique. */
@QueryHandler(ListaAnvandareQuery)
export class ListaAnvandareHandler implements IQueryHandler<ListaAnvandareQuery> {
  constructor(@InjectRepository(UserRow) private readonly users: Repository<UserRow>) {}

  async execute({ forbundId, page }: ListaAnvandareQuery): Promise<Page<UserDto>> {
    const after = page.cursor ? decodeCursor(page.cursor, [isEmailKey, isUuid]) : undefined;
    const query = this.users
      .createQueryBuilder('u')
      .where('u.forbundId = :forbundId', { forbundId });
    if (after) {
      query.andWhere('(u.email, u.id) > (:email::text, :id::uuid)', {
        email: after[0],
        id: after[1],
      });
    }
    const rows = await query
      .orderBy('u.email', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(page.limit + 1)
      .getMany();
    return toPage(rows, page.limit, (row) => [row.email, row.id], toUserDto);
  }
}
