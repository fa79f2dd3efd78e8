import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, type Repository } from 'typeorm';
import type { AppConfig } from '#platform';
import { APP_CONFIG } from '../config/config.module.js';
import { NotFoundError } from '../http/application-errors.js';
import { blindIndex, deriveIndexKey, newDataKey, open, seal } from './envelope-crypto.js';
import { loadMasterKey } from './master-key.js';
import { PersonAtkomstRow, PersonRow } from './person.entity.js';

export interface Personuppgifter {
  readonly personnummer: string;
  readonly namn: string | null;
}

export const PERSON_SAKNAS = 'Personen finns inte';
const UNIQUE_VIOLATION = '23505';

/**
 * Personal data under samtycke. Each person's personnummer and namn are sealed with a data
 * key of their own, itself sealed with the master key; erasure deletes that key, the blind
 * index and the ciphertext, so nothing readable is left while the opaque personId in the
 * events keeps the statistics intact.
 */
@Injectable()
export class PersonVault {
  private readonly masterKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectRepository(PersonRow) private readonly persons: Repository<PersonRow>,
    @InjectRepository(PersonAtkomstRow) private readonly atkomst: Repository<PersonAtkomstRow>,
  ) {
    this.masterKey = loadMasterKey(config.masterKeyFile, config.dataDir);
    this.indexKey = deriveIndexKey(this.masterKey);
  }

  /**
   * The person's id in the förbund: the same personnummer always gives the same id.
   * `created` says the person is new, so a command that then fails can forget it again.
   */
  async register(
    forbundId: string,
    uppgifter: Personuppgifter,
    samtyckeDatum: string,
  ): Promise<{ personId: string; created: boolean }> {
    const index = blindIndex(this.indexKey, forbundId, uppgifter.personnummer);
    const existing = await this.persons.findOneBy({ blindIndex: index });
    if (existing) {
      // A later registration may add or correct the name; the consent date stays the first.
      if (uppgifter.namn) {
        const key = this.dataKey(existing);
        if (key) {
          await this.persons.update(
            { id: existing.id },
            { namnSealed: seal(key, Buffer.from(uppgifter.namn), `namn:${existing.id}`) },
          );
        }
      }
      return { personId: existing.id, created: false };
    }
    const id = randomUUID();
    const key = newDataKey();
    try {
      await this.persons.insert({
        id,
        forbundId,
        blindIndex: index,
        wrappedKey: seal(this.masterKey, key, `person:${id}`),
        personnummerSealed: seal(key, Buffer.from(uppgifter.personnummer), `personnummer:${id}`),
        namnSealed: uppgifter.namn ? seal(key, Buffer.from(uppgifter.namn), `namn:${id}`) : null,
        samtyckeDatum,
        erasedAt: null,
      });
    } catch (error) {
      // Registered concurrently under the same personnummer: use that one.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        return this.register(forbundId, uppgifter, samtyckeDatum);
      }
      throw error;
    }
    return { personId: id, created: true };
  }

  /**
   * The key that serializes the commands on one person (PersonLock): the blind index, known
   * before the person is registered, so a registration can hold it while it finds or creates
   * the person.
   */
  lockKey(forbundId: string, personnummer: string): string {
    return blindIndex(this.indexKey, forbundId, personnummer).toString('base64');
  }

  /** A registered person's lock key; once erased, its id (no registration can find it again). */
  async lockKeyOf(personId: string): Promise<string> {
    const person = await this.persons.findOne({
      select: { id: true, blindIndex: true },
      where: { id: personId },
    });
    return person?.blindIndex?.toString('base64') ?? personId;
  }

  /** Removes a person registered for a command that was then refused: nothing half-stored. */
  async forget(personId: string): Promise<void> {
    await this.persons.delete({ id: personId });
  }

  /** Decrypts a person's data for a reader, and records that read; null once erased. */
  async read(
    personId: string,
    forbundId: string,
    reader: { userId: string; deltagandeId: string },
  ): Promise<Personuppgifter | null> {
    const person = await this.persons.findOneBy({ id: personId, forbundId });
    const key = person && this.dataKey(person);
    if (!person || !key || !person.personnummerSealed) return null;
    await this.atkomst.insert({
      personId,
      forbundId,
      userId: reader.userId,
      handling: 'last',
      deltagandeId: reader.deltagandeId,
    });
    return {
      personnummer: open(key, person.personnummerSealed, `personnummer:${personId}`).toString(),
      namn: person.namnSealed ? open(key, person.namnSealed, `namn:${personId}`).toString() : null,
    };
  }

  async exists(personId: string, forbundId: string): Promise<boolean> {
    return this.persons.existsBy({ id: personId, forbundId });
  }

  /** Crypto-shredding: the key, the blind index and the ciphertext go; the id stays. */
  async erase(
    personId: string,
    forbundId: string,
    by: { userId: string; handling: 'raderad' | 'gallrad' },
  ): Promise<void> {
    const erased = await this.persons.update(
      { id: personId, forbundId, erasedAt: IsNull() },
      {
        blindIndex: null,
        wrappedKey: null,
        personnummerSealed: null,
        namnSealed: null,
        erasedAt: new Date(),
      },
    );
    if (!erased.affected) {
      if (!(await this.exists(personId, forbundId))) throw new NotFoundError(PERSON_SAKNAS);
      return; // already erased: erasure is idempotent
    }
    await this.atkomst.insert({
      personId,
      forbundId,
      userId: by.userId,
      handling: by.handling,
      deltagandeId: null,
    });
  }

  async accessLog(
    personId: string,
    forbundId: string,
    period: { fran: Date; till: Date },
  ): Promise<PersonAtkomstRow[]> {
    if (!(await this.exists(personId, forbundId))) throw new NotFoundError(PERSON_SAKNAS);
    return this.atkomst
      .createQueryBuilder('a')
      .where('a.person_id = :personId AND a.forbund_id = :forbundId', { personId, forbundId })
      .andWhere('a.tidpunkt BETWEEN :fran AND :till', period)
      .orderBy('a.tidpunkt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
  }

  private dataKey(person: PersonRow): Buffer | null {
    return person.wrappedKey
      ? open(this.masterKey, person.wrappedKey, `person:${person.id}`)
      : null;
  }
}
