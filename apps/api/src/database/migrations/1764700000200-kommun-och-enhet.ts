import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kommun and remittent detail (DESIGN.md "Version 2"): the remittent's enhet becomes a fact of
 * a deltagande's versions, and volym may be registered for a kommun.
 *
 * Existing versions take the enhet each deltagande has now (from its read model). That is
 * exact for every current report and for every deltagande whose enhet was never corrected;
 * a report as of a moment before such a correction shows the corrected enhet until
 * `projections:rebuild` has rebuilt the versions from the events. Volym registered before
 * this had no kommun, so null is exact.
 */
export class KommunOchEnhet1764700000200 implements MigrationInterface {
  name = 'KommunOchEnhet1764700000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deltagande_fakta ADD COLUMN remittent_enhet text`);
    await q.query(`UPDATE deltagande_fakta f
      SET remittent_enhet = nullif(btrim(d.state -> 'remiss' ->> 'remittentEnhet'), '')
      FROM deltagande d
      WHERE d.id = f.deltagande_id AND d.state -> 'remiss' ->> 'remittentEnhet' IS NOT NULL`);
    await q.query(`ALTER TABLE volym_fakta ADD COLUMN kommun text`);
    // The report without asOf reads the current versions from this index alone.
    await q.query(`DROP INDEX deltagande_fakta_period_nu`);
    await q.query(`CREATE INDEX deltagande_fakta_period_nu
      ON deltagande_fakta (forbund_id, slut_datum, remiss_datum)
      INCLUDE (insats_id, deltagande_id, person_key, kon, fodelsear, kommun, remittent,
        aterremiss_datum, inskrivning_datum, avslut_datum, avslutsorsak, forsorjning_in,
        forsorjning_ut, remittent_enhet)
      WHERE recorded_to IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deltagande_fakta_period_nu`);
    await q.query(`CREATE INDEX deltagande_fakta_period_nu
      ON deltagande_fakta (forbund_id, slut_datum, remiss_datum)
      INCLUDE (insats_id, deltagande_id, person_key, kon, fodelsear, kommun, remittent,
        aterremiss_datum, inskrivning_datum, avslut_datum, avslutsorsak, forsorjning_in,
        forsorjning_ut)
      WHERE recorded_to IS NULL`);
    await q.query(`ALTER TABLE volym_fakta DROP COLUMN kommun`);
    await q.query(`ALTER TABLE deltagande_fakta DROP COLUMN remittent_enhet`);
  }
}
