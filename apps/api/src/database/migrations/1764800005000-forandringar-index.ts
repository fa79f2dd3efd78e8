import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What changed between two moments: the versions of deltagande facts recorded, or closed, in
 * an interval and the uppföljningar recorded in it are found by recording time instead of by
 * reading every version of the förbund (at national scale 1.5 million rows for a month's few
 * thousand).
 */
export class ForandringarIndex1764800005000 implements MigrationInterface {
  name = 'ForandringarIndex1764800005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX deltagande_fakta_recorded_from
      ON deltagande_fakta (forbund_id, recorded_from)`);
    await q.query(`CREATE INDEX deltagande_fakta_recorded_to
      ON deltagande_fakta (forbund_id, recorded_to) WHERE recorded_to IS NOT NULL`);
    await q.query(`CREATE INDEX uppfoljning_fakta_recorded_at
      ON uppfoljning_fakta (forbund_id, recorded_at)`);
    await q.query(`CREATE INDEX uppfoljning_fakta_deltagande
      ON uppfoljning_fakta (deltagande_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX uppfoljning_fakta_deltagande`);
    await q.query(`DROP INDEX uppfoljning_fakta_recorded_at`);
    await q.query(`DROP INDEX deltagande_fakta_recorded_to`);
    await q.query(`DROP INDEX deltagande_fakta_recorded_from`);
  }
}
