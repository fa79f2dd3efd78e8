import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who holds an idempotency key's claim and since when, so a claim whose request died (a crash,
 * a lost database) can be taken over instead of answering "in progress" for ever. Claims made
 * before this migration have no holder and count as released.
 */
export class IdempotencyClaim1764600000000 implements MigrationInterface {
  name = 'IdempotencyClaim1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_key
      ADD COLUMN claim uuid,
      ADD COLUMN claimed_by uuid,
      ADD COLUMN claimed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_key
      DROP COLUMN claim, DROP COLUMN claimed_by, DROP COLUMN claimed_at`);
  }
}
