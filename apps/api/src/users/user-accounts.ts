import { DomainError } from '#domain';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher.js';
import { UserRow, type Roll } from './user.entity.js';

export interface NewUser {
  readonly forbundId: string;
  readonly email: string;
  readonly password: string;
  readonly roll: Roll;
  readonly insatser?: readonly string[];
  readonly systemadmin?: boolean;
}

const UNIQUE_VIOLATION = '23505';

/** Creates user accounts; shared by POST /users, POST /forbund and the bootstrap admin. */
@Injectable()
export class UserAccounts {
  constructor(private readonly hasher: PasswordHasher) {}

  async create(user: NewUser, tx: EntityManager): Promise<string> {
    const id = randomUUID();
    const row: UserRow = {
      id,
      forbundId: user.forbundId,
      email: user.email.toLowerCase(),
      passwordHash: await this.hasher.hash(user.password),
      roll: user.roll,
      systemadmin: user.systemadmin ?? false,
      insatser: [...new Set(user.insatser ?? [])],
      createdAt: new Date(),
    };
    try {
      await tx.getRepository(UserRow).insert(row);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new DomainError(
          'ANVANDARE.EPOST_UPPTAGEN',
          'E-postadressen används redan av en annan användare',
        );
      }
      throw error;
    }
    return id;
  }
}
