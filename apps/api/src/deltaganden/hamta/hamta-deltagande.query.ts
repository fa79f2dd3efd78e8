import { deltagandeStream } from '#domain';
import type { EventStore } from '#event-store';
import { DeltagandeRow } from '#projections';
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { UserRow } from '../../users/user.entity.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { EVENT_STORE } from '../../event-store/event-store.module.js';
import { ForbiddenError, NotFoundError } from '../../http/application-errors.js';
import { PersonVault } from '../../personer/person-vault.js';
import { DELTAGANDE_SAKNAS } from '../deltagande-commands.js';
import {
  toDeltagandeDto,
  toHistorikDto,
  type DeltagandeMedHistorikDto,
} from '../deltagande.response.dto.js';

export class HamtaDeltagandeQuery extends Query<DeltagandeMedHistorikDto> {
  constructor(
    readonly deltagandeId: string,
    readonly user: AuthUser,
  ) {
    super();
  }
}

@QueryHandler(HamtaDeltagandeQuery)
export class HamtaDeltagandeHandler implements IQueryHandler<HamtaDeltagandeQuery> {
  constructor(
    @InjectRepository(DeltagandeRow) private readonly deltaganden: Repository<DeltagandeRow>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly vault: PersonVault,
    @InjectRepository(UserRow) private readonly users: Repository<UserRow>,
  ) {}

  async execute({ deltagandeId, user }: HamtaDeltagandeQuery): Promise<DeltagandeMedHistorikDto> {
    const row = await this.deltaganden.findOneBy({ id: deltagandeId, forbundId: user.forbundId });
    if (!row) throw new NotFoundError(DELTAGANDE_SAKNAS);
    if (!user.insatser.includes(row.insatsId)) {
      throw new ForbiddenError('Du arbetar inte i den här insatsen');
    }
    // The timeline is the deltagande's own stream, up to the revision the state shows.
    const historik = (await this.store.readStream(deltagandeStream(deltagandeId))).filter(
      (event) => event.revision <= row.revision,
    );
    const users = await this.users.findBy({
      id: In([...new Set(historik.map((event) => event.metadata.userId))]),
      forbundId: user.forbundId,
    });
    const emails = new Map(users.map((u) => [u.id, u.email] as const));
    // Only staff of the insats get here; each read of personal data is recorded.
    const uppgifter = row.personId
      ? await this.vault.read(row.personId, user.forbundId, { userId: user.id, deltagandeId })
      : null;
    return {
      ...toDeltagandeDto(row),
      personnummer: uppgifter?.personnummer ?? null,
      namn: uppgifter?.namn ?? null,
      historik: historik.map((event) => toHistorikDto(event, emails)),
    };
  }
}
