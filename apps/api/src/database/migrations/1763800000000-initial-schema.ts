import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE forbund (
      id uuid PRIMARY KEY,
      namn text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE app_user (
      id uuid PRIMARY KEY,
      forbund_id uuid NOT NULL REFERENCES forbund(id),
      email text NOT NULL UNIQUE,
      password_hash text NOT NULL,
      roll text NOT NULL CHECK (roll IN ('admin', 'kansli', 'personal')),
      systemadmin boolean NOT NULL DEFAULT false,
      insatser uuid[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE idempotency_key (
      user_id uuid NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      status_code integer,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, key))`);
    await q.query(`CREATE TABLE projection_checkpoint (
      name text PRIMARY KEY,
      position bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE insats (
      id uuid PRIMARY KEY,
      forbund_id uuid NOT NULL,
      namn text NOT NULL,
      inriktning text NOT NULL,
      matmetod text NOT NULL,
      startdatum text NOT NULL,
      slutdatum text,
      utforare text,
      malgrupp text,
      avslutad boolean NOT NULL,
      arsmal jsonb NOT NULL,
      revision integer NOT NULL,
      position bigint NOT NULL)`);
    await q.query(`CREATE INDEX insats_forbund_namn ON insats (forbund_id, namn)`);
    await q.query(`CREATE TABLE deltagande (
      id uuid PRIMARY KEY,
      forbund_id uuid NOT NULL,
      insats_id uuid NOT NULL,
      status text NOT NULL,
      person_id text,
      remiss_datum text,
      inskrivning_datum text,
      avslut_datum text,
      state jsonb NOT NULL,
      revision integer NOT NULL,
      position bigint NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX deltagande_insats_status ON deltagande (insats_id, status)`);
    await q.query(`CREATE TABLE deltagande_historik (
      position bigint PRIMARY KEY,
      deltagande_id uuid NOT NULL,
      revision integer NOT NULL,
      type text NOT NULL,
      data jsonb NOT NULL,
      recorded_at timestamptz NOT NULL,
      user_id text NOT NULL)`);
    await q.query(
      `CREATE UNIQUE INDEX deltagande_historik_stream ON deltagande_historik (deltagande_id, revision)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'deltagande_historik',
      'deltagande',
      'insats',
      'projection_checkpoint',
      'idempotency_key',
      'app_user',
      'forbund',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
