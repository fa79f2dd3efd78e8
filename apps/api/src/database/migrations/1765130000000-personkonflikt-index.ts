import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `datakvalitet`'s person conflicts group the current versions of registered persons'
 * deltaganden by person (kön and födelseår). The planner cannot tell how few versions are of
 * registered persons (`person_key <> deltagande_id::text`: about 6 % at full scale), so it
 * read every current version through a bitmap of all of them (1.7 s at full scale, more under
 * load). A partial index of just those versions holding what the grouping and the join read
 * is small, and its index-only scan is costed by its own size.
 */
export class PersonkonfliktIndex1765130000000 implements MigrationInterface {
  name = 'PersonkonfliktIndex1765130000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX deltagande_fakta_registrerad_nu
      ON deltagande_fakta (forbund_id, person_key) INCLUDE (kon, fodelsear, deltagande_id, insats_id, remiss_datum)
      WHERE person_key <> deltagande_id::text AND recorded_to IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deltagande_fakta_registrerad_nu`);
  }
}
