import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../auth/auth-user.js';
import { InsatsAccess } from '../insats-access.js';
import { toMalOchEkonomiDto, type MalOchEkonomiDto } from './mal-och-ekonomi.response.dto.js';

export class HamtaMalOchEkonomiQuery extends Query<MalOchEkonomiDto> {
  constructor(
    readonly insatsId: string,
    readonly user: AuthUser,
  ) {
    super();
  }
}

/**
 * Read from the insats's stream, not a read model: the editor sees its own last write at once,
 * and the revision it shows is the one its next command is checked against (If-Match).
 */
@QueryHandler(HamtaMalOchEkonomiQuery)
export class HamtaMalOchEkonomiHandler implements IQueryHandler<HamtaMalOchEkonomiQuery> {
  constructor(private readonly access: InsatsAccess) {}

  async execute({ insatsId, user }: HamtaMalOchEkonomiQuery): Promise<MalOchEkonomiDto> {
    const { state, revision } = await this.access.loadInForbund(insatsId, user.forbundId);
    return toMalOchEkonomiDto(state, revision);
  }
}
