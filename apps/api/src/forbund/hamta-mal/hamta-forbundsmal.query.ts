import { forbundDecider, forbundStream } from '#domain';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../auth/auth-user.js';
import { StreamCommandRunner } from '../../commands/stream-command-runner.js';
import { malLista } from '../../insatser/mal-och-ekonomi/mal-och-ekonomi.response.dto.js';
import type { ForbundsmalDto } from './forbundsmal.response.dto.js';

export class HamtaForbundsmalQuery extends Query<ForbundsmalDto[]> {
  constructor(readonly user: AuthUser) {
    super();
  }
}

/** From the förbund's stream, so the editor sees its own last write at once. */
@QueryHandler(HamtaForbundsmalQuery)
export class HamtaForbundsmalHandler implements IQueryHandler<HamtaForbundsmalQuery> {
  constructor(private readonly streams: StreamCommandRunner) {}

  async execute({ user }: HamtaForbundsmalQuery): Promise<ForbundsmalDto[]> {
    const { state } = await this.streams.load(forbundStream(user.forbundId), forbundDecider);
    // The whole förbund's goals first, then each grupp's.
    return malLista(state.mal)
      .sort((a, b) =>
        a.grupp === b.grupp
          ? 0
          : a.grupp === null
            ? -1
            : b.grupp === null
              ? 1
              : a.grupp.localeCompare(b.grupp, 'sv'),
      )
      .map(({ malId, grupp, matt, fran, till, varde }) => ({
        malId,
        grupp,
        matt,
        fran,
        till,
        varde,
      }));
  }
}
