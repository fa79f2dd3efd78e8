import { InsatsRow } from '#projections';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { NotFoundError } from '../http/application-errors.js';
import { INSATS_SAKNAS } from '../insatser/insats-access.js';

/** The insatser a statistics request names: all must be the caller's förbund's (else 404). */
@Injectable()
export class InsatsScope {
  constructor(@InjectRepository(InsatsRow) private readonly insatser: Repository<InsatsRow>) {}

  async resolve(
    insatsIds: readonly string[] | undefined,
    forbundId: string,
  ): Promise<string[] | undefined> {
    if (!insatsIds) return undefined;
    const unique = [...new Set(insatsIds)];
    const found = await this.insatser.countBy({ id: In(unique), forbundId });
    if (found !== unique.length) throw new NotFoundError(INSATS_SAKNAS);
    return unique;
  }
}
