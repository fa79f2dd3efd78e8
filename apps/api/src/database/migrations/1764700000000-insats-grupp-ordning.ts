import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An insats's grupp (a program of several insatser) and ordning (the förbund's own order in
 * every list and table). Null for insatser created before version 2, as their events say.
 */
export class InsatsGruppOrdning1764700000000 implements MigrationInterface {
  name = 'InsatsGruppOrdning1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE insats ADD COLUMN grupp text, ADD COLUMN ordning integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE insats DROP COLUMN grupp, DROP COLUMN ordning`);
  }
}
