import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The insats's own facts for the report, versioned by recording time like the deltagandes':
 * its namn, grupp and ordning (a report as known at an earlier moment shows the names and
 * groups of then), and its ekonomi per calendar year (budget and kostnad, each kept until
 * set again).
 *
 * Existing insatser get one version from the insats read model: no InsatsAndrad could be
 * recorded before this version, so the namn is the one they were created with, from the
 * moment they were created. Its from_position is the read model's last position, not the
 * InsatsSkapad's; `projections:rebuild` sets it exactly.
 */
export class InsatsOchEkonomiFakta1764700000400 implements MigrationInterface {
  name = 'InsatsOchEkonomiFakta1764700000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE insats_fakta (
      insats_id uuid NOT NULL,
      from_position bigint NOT NULL,
      forbund_id uuid NOT NULL,
      namn text NOT NULL,
      grupp text,
      ordning integer,
      recorded_from timestamptz NOT NULL,
      recorded_to timestamptz,
      PRIMARY KEY (insats_id, from_position))`);
    await q.query(`CREATE INDEX insats_fakta_forbund ON insats_fakta (forbund_id)`);
    await q.query(`INSERT INTO insats_fakta (insats_id, from_position, forbund_id, namn,
        recorded_from)
      SELECT id, position, forbund_id, namn, coalesce(skapad, now()) FROM insats`);
    await q.query(`CREATE TABLE ekonomi_fakta (
      insats_id uuid NOT NULL,
      ar integer NOT NULL,
      from_position bigint NOT NULL,
      forbund_id uuid NOT NULL,
      budget bigint,
      kostnad bigint,
      recorded_from timestamptz NOT NULL,
      recorded_to timestamptz,
      PRIMARY KEY (insats_id, ar, from_position))`);
    await q.query(`CREATE INDEX ekonomi_fakta_forbund ON ekonomi_fakta (forbund_id, ar)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ekonomi_fakta, insats_fakta`);
  }
}
