import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether an export has changed since is decided without making its report again when
 * nothing it reads has changed: for that the export records the read models' checkpoint (the
 * last event applied) read before its report, and whether its asOf was given or is the moment
 * of the export. A timestamp alone cannot tell: events recorded before the export may have
 * been applied to the read models only after it. Exports recorded before this column have
 * none and are compared by making their report again, as before. And `jamfor`: an export with a
 * comparison recorded the comparison's figures too, so it is compared with the same report and
 * comparison made now (it was compared without, and so always found changed).
 */
export class RapportLasposition1765160000000 implements MigrationInterface {
  name = 'RapportLasposition1765160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rapport ADD COLUMN lasposition bigint,
      ADD COLUMN as_of_angiven boolean, ADD COLUMN jamfor text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE rapport DROP COLUMN lasposition, DROP COLUMN as_of_angiven, DROP COLUMN jamfor`,
    );
  }
}
