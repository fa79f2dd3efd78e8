import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The position of the event that closed a deltagande's facts version, beside the moment
 * (`recorded_to`): the report's aggregates kept in memory (aggregat-cache.ts) are brought up to
 * date by positions, as a version recorded before a moment may be applied only after it.
 * Versions closed before this column are left NULL: where a successor began with the same
 * event (its recorded_from is the closed one's recorded_to) its from_position is the closing
 * position; a version closed without one (a makulering) makes the cache read the whole report.
 * No backfill: a table rewrite at national scale, for rows the cache reads rarely.
 */
export class DeltagandeFaktaToPosition1765200000000 implements MigrationInterface {
  name = 'DeltagandeFaktaToPosition1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deltagande_fakta ADD COLUMN to_position bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deltagande_fakta DROP COLUMN to_position`);
  }
}
