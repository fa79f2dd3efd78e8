import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a projection stopped: the event it cannot apply and why, so that every process (the
 * API replicas as well as the active projector) can report it on /health and in its answers.
 * Null while the projection runs; any batch that moves the checkpoint clears it.
 */
export class ProjektionStannad1764300000000 implements MigrationInterface {
  name = 'ProjektionStannad1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projection_checkpoint ADD COLUMN stall jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projection_checkpoint DROP COLUMN stall`);
  }
}
