import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The position of the event that closed a deltagande's facts version, beside the moment
 * (`recorded_to`): the report's aggregates kept in memory (aggregat-cache.ts) are brought up to
 * date by positions, as a version recorded before a moment may be applied only after it.
 *
 * Versions closed before this column are not rewritten where a successor began with the same
 * event (its recorded_from is the closed one's recorded_to): its from_position is the closing
 * position, and the cache reads it so. The few closed without one (a makulering) get the read
 * models' checkpoint of this statement's snapshot: they were closed at or before it (a batch
 * commits its rows with its checkpoint), and every position the cache keeps is read later, so
 * at each of them they are closed, as they were. A version closed without either (a projector
 * of the code before this column, still running after it) makes the cache count the whole
 * report.
 */
export class DeltagandeFaktaToPosition1765200000000 implements MigrationInterface {
  name = 'DeltagandeFaktaToPosition1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deltagande_fakta ADD COLUMN to_position bigint`);
    await q.query(`UPDATE deltagande_fakta d
      SET to_position = (SELECT position FROM projection_checkpoint WHERE name = 'read-models')
      WHERE d.recorded_to IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM deltagande_fakta n
          WHERE n.deltagande_id = d.deltagande_id AND n.from_position > d.from_position
            AND n.recorded_from = d.recorded_to)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deltagande_fakta DROP COLUMN to_position`);
  }
}
