import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every export made: who, when, with which parameters, and a hash of its figures, so that a
 * report handed in can later be told apart from the same report made today.
 */
export class Rapport1764720000010 implements MigrationInterface {
  name = 'Rapport1764720000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE rapport (
      id uuid PRIMARY KEY,
      forbund_id uuid NOT NULL,
      user_id uuid NOT NULL,
      skapad timestamptz NOT NULL,
      fran date NOT NULL,
      till date NOT NULL,
      insatser uuid[],
      as_of timestamptz NOT NULL,
      aldersgrupper text,
      skydda boolean NOT NULL,
      format text NOT NULL,
      layout text,
      hash text NOT NULL)`);
    await q.query(
      `CREATE INDEX rapport_forbund_skapad ON rapport (forbund_id, skapad DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rapport`);
  }
}
