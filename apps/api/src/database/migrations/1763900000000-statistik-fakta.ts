import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models for the period statistics. Each deltagande's statistical facts are kept as
 * versions valid over [recorded_from, recorded_to) of recording time, so a report "as known
 * at" any past moment reads the versions valid then instead of replaying events.
 */
export class StatistikFakta1763900000000 implements MigrationInterface {
  name = 'StatistikFakta1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE insats ADD COLUMN skapad timestamptz`);
    await q.query(`CREATE TABLE deltagande_fakta (
      deltagande_id uuid NOT NULL,
      from_position bigint NOT NULL,
      forbund_id uuid NOT NULL,
      insats_id uuid NOT NULL,
      person_key text NOT NULL,
      kon text NOT NULL,
      fodelsear integer NOT NULL,
      kommun text NOT NULL,
      remiss_datum date NOT NULL,
      remittent text NOT NULL,
      aterremiss_datum date,
      inskrivning_datum date,
      forsorjning_in text[],
      avslut_datum date,
      avslutsorsak text,
      forsorjning_ut text[],
      slut_datum date NOT NULL
        GENERATED ALWAYS AS (coalesce(avslut_datum, aterremiss_datum, 'infinity'::date)) STORED,
      recorded_from timestamptz NOT NULL,
      recorded_to timestamptz,
      PRIMARY KEY (deltagande_id, from_position))`);
    await q.query(`CREATE UNIQUE INDEX deltagande_fakta_gallande
      ON deltagande_fakta (deltagande_id) WHERE recorded_to IS NULL`);
    await q.query(`CREATE INDEX deltagande_fakta_period_nu
      ON deltagande_fakta (forbund_id, slut_datum, remiss_datum) WHERE recorded_to IS NULL`);
    await q.query(`CREATE INDEX deltagande_fakta_period
      ON deltagande_fakta (forbund_id, slut_datum, remiss_datum)`);
    await q.query(`CREATE TABLE uppfoljning_fakta (
      position bigint PRIMARY KEY,
      deltagande_id uuid NOT NULL,
      forbund_id uuid NOT NULL,
      insats_id uuid NOT NULL,
      datum date NOT NULL,
      manader_efter_avslut integer NOT NULL,
      sysselsattning text NOT NULL,
      recorded_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX uppfoljning_fakta_period ON uppfoljning_fakta (forbund_id, datum)`);
    await q.query(`CREATE TABLE volym_fakta (
      position bigint PRIMARY KEY,
      forbund_id uuid NOT NULL,
      insats_id uuid NOT NULL,
      datum date NOT NULL,
      kvinnor integer NOT NULL,
      man integer NOT NULL,
      ej_angivet integer NOT NULL,
      recorded_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX volym_fakta_period ON volym_fakta (forbund_id, datum)`);
    await q.query(`CREATE TABLE arsmal_fakta (
      insats_id uuid NOT NULL,
      ar integer NOT NULL,
      from_position bigint NOT NULL,
      forbund_id uuid NOT NULL,
      deltagare integer NOT NULL,
      nya_deltagare integer NOT NULL,
      andel_arbete_studier double precision NOT NULL,
      recorded_from timestamptz NOT NULL,
      recorded_to timestamptz,
      PRIMARY KEY (insats_id, ar, from_position))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE arsmal_fakta, volym_fakta, uppfoljning_fakta, deltagande_fakta`);
    await q.query(`ALTER TABLE insats DROP COLUMN skapad`);
  }
}
