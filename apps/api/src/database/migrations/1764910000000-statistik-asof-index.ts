import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Covering indexes for the report with asOf. The versions valid at a moment are the current
 * ones recorded by then (read from `deltagande_fakta_period_nu`, which now also holds
 * recorded_from) and the superseded ones still valid then (a new index holding them with every
 * column the report needs, keyed by recorded_to), so both parts are index-only scans. A
 * superseded version was mostly open when written (slut_datum infinity), so the period's
 * dates hardly narrow them; those closed after asOf are the candidates (for a recent asOf few). Before it, the asOf report read each
 * version's heap page through `deltagande_fakta_period` (at full scale its outcomes statement
 * alone took about 1.7 s).
 */
export class StatistikAsofIndex1764910000000 implements MigrationInterface {
  name = 'StatistikAsofIndex1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deltagande_fakta_period_nu`);
    await q.query(`CREATE INDEX deltagande_fakta_period_nu
      ON deltagande_fakta (forbund_id, slut_datum, remiss_datum)
      INCLUDE (insats_id, deltagande_id, person_key, kon, fodelsear, kommun, remittent,
        aterremiss_datum, inskrivning_datum, avslut_datum, avslutsorsak, forsorjning_in,
        forsorjning_ut, remittent_enhet, recorded_from)
      WHERE recorded_to IS NULL`);
    await q.query(`CREATE INDEX deltagande_fakta_period_fore
      ON deltagande_fakta (forbund_id, recorded_to)
      INCLUDE (recorded_from, slut_datum, remiss_datum, insats_id, deltagande_id, person_key, kon, fodelsear,
        kommun, remittent, aterremiss_datum, inskrivning_datum, avslut_datum, avslutsorsak,
        forsorjning_in, forsorjning_ut, remittent_enhet)
      WHERE recorded_to IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deltagande_fakta_period_fore`);
    await q.query(`DROP INDEX deltagande_fakta_period_nu`);
    await q.query(`CREATE INDEX deltagande_fakta_period_nu
      ON deltagande_fakta (forbund_id, slut_datum, remiss_datum)
      INCLUDE (insats_id, deltagande_id, person_key, kon, fodelsear, kommun, remittent,
        aterremiss_datum, inskrivning_datum, avslut_datum, avslutsorsak, forsorjning_in,
        forsorjning_ut, remittent_enhet)
      WHERE recorded_to IS NULL`);
  }
}
