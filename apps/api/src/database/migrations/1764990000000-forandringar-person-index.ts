import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `forandringar` looks up the other deltaganden of the registered persons whose facts changed
 * (so that unika personer is counted right in each changed part). Without an index on the
 * person that was a scan of every version (about 450 ms at full scale, each time); only
 * registered persons' versions are indexed (an unregistered deltagande is its own person), a
 * few per cent of the rows. `deltagande_fakta_recorded_to` duplicates the key of
 * `deltagande_fakta_period_fore` (same columns, same rows), which serves its queries index-only,
 * so it goes: one index fewer to keep while versions are closed.
 */
export class ForandringarPersonIndex1764990000000 implements MigrationInterface {
  name = 'ForandringarPersonIndex1764990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX deltagande_fakta_person
      ON deltagande_fakta (forbund_id, person_key)
      WHERE person_key <> deltagande_id::text`);
    await q.query(`DROP INDEX deltagande_fakta_recorded_to`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX deltagande_fakta_recorded_to
      ON deltagande_fakta (forbund_id, recorded_to) WHERE recorded_to IS NOT NULL`);
    await q.query(`DROP INDEX deltagande_fakta_person`);
  }
}
