import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { UserAccounts } from '../users/user-accounts.js';
import { ForbundRow } from './forbund.entity.js';

/** A förbund is always created together with its first admin, in one transaction. */
@Injectable()
export class ForbundRegistry {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: UserAccounts,
  ) {}

  async create(
    namn: string,
    admin: { email: string; password: string },
    options: { systemadmin?: boolean } = {},
  ): Promise<string> {
    return this.dataSource.transaction(async (tx) => {
      const id = randomUUID();
      await tx.getRepository(ForbundRow).insert({ id, namn: namn.trim() });
      await this.accounts.create(
        { forbundId: id, ...admin, roll: 'admin', systemadmin: options.systemadmin ?? false },
        tx,
      );
      return id;
    });
  }

  async hasAnyUser(): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM app_user LIMIT 1');
    return rows.length > 0;
  }
}
