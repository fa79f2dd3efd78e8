import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deltagande's timeline is read from its own stream: the copy of every event in
 * `deltagande_historik` cost a fifth of projection catch-up and duplicated what the event
 * store already keeps.
 */
export class HistorikUrStrommen1764200000000 implements MigrationInterface {
  name = 'HistorikUrStrommen1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deltagande_historik`);
  }

  async down(q: QueryRunner): Promise<void> {
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
    // Empty until the projections are rebuilt with a version that still writes it.
  }
}
