import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Goals (mål) for the report, versioned by recording time like the other facts so that a
 * report "as known at" a moment shows the goals as they were then. A goal belongs to an insats
 * (insats_id set) or, from the förbund's stream, to a grupp of insatser (grupp set) or to the
 * whole förbund (both null). Årsmål parts are now set one at a time: a part never set is null.
 */
export class MalFakta1764700000300 implements MigrationInterface {
  name = 'MalFakta1764700000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE mal_fakta (
      mal_id uuid NOT NULL,
      from_position bigint NOT NULL,
      forbund_id uuid NOT NULL,
      insats_id uuid,
      grupp text,
      matt text NOT NULL,
      fran date NOT NULL,
      till date NOT NULL,
      varde double precision NOT NULL,
      recorded_from timestamptz NOT NULL,
      recorded_to timestamptz,
      PRIMARY KEY (mal_id, from_position),
      CHECK (insats_id IS NULL OR grupp IS NULL))`);
    await q.query(`CREATE INDEX mal_fakta_period ON mal_fakta (forbund_id, till, fran)`);
    await q.query(`ALTER TABLE arsmal_fakta
      ALTER COLUMN deltagare DROP NOT NULL,
      ALTER COLUMN nya_deltagare DROP NOT NULL,
      ALTER COLUMN andel_arbete_studier DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mal_fakta`);
    // As before parts were optional: a part never set was 0.
    await q.query(`UPDATE arsmal_fakta SET deltagare = coalesce(deltagare, 0),
      nya_deltagare = coalesce(nya_deltagare, 0),
      andel_arbete_studier = coalesce(andel_arbete_studier, 0)`);
    await q.query(`ALTER TABLE arsmal_fakta
      ALTER COLUMN deltagare SET NOT NULL,
      ALTER COLUMN nya_deltagare SET NOT NULL,
      ALTER COLUMN andel_arbete_studier SET NOT NULL`);
  }
}
