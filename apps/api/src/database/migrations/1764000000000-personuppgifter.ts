import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Personal data under samtycke (encrypted, erasable), its access log, and revoked tokens. */
export class Personuppgifter1764000000000 implements MigrationInterface {
  name = 'Personuppgifter1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE person (
      id uuid PRIMARY KEY,
      forbund_id uuid NOT NULL,
      blind_index bytea UNIQUE,
      wrapped_key bytea,
      personnummer_sealed bytea,
      namn_sealed bytea,
      samtycke_datum text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      erased_at timestamptz)`);
    await q.query(`CREATE TABLE person_atkomst (
      id bigserial PRIMARY KEY,
      person_id uuid NOT NULL,
      forbund_id uuid NOT NULL,
      user_id uuid NOT NULL,
      handling text NOT NULL CHECK (handling IN ('last', 'raderad', 'gallrad')),
      deltagande_id uuid,
      tidpunkt timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX person_atkomst_person ON person_atkomst (person_id, tidpunkt)`);
    await q.query(
      `CREATE INDEX deltagande_person ON deltagande (person_id) WHERE person_id IS NOT NULL`,
    );
    await q.query(`CREATE TABLE revoked_token (
      jti uuid PRIMARY KEY,
      expires_at timestamptz NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE revoked_token, person_atkomst, person`);
    await q.query(`DROP INDEX deltagande_person`);
  }
}
