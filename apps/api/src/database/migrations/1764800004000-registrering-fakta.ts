import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every registration (remiss, inskrivning, återremiss, avslut, uppföljning, volym) with its
 * business date, when it was recorded and by whom: the data-quality view's eftersläpning per
 * insats and per registering user. The other read models keep neither the user nor, once a
 * date is corrected, the date first registered.
 *
 * With the PostgreSQL event store in this database the table is filled from its events here;
 * with KurrentDB it stays empty until `projections:rebuild`. The projection inserts with
 * ON CONFLICT DO NOTHING, so events the projection has not yet applied may be filled here too.
 */
export class RegistreringFakta1764800004000 implements MigrationInterface {
  name = 'RegistreringFakta1764800004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE registrering_fakta (
      position bigint PRIMARY KEY,
      forbund_id uuid NOT NULL,
      insats_id uuid NOT NULL,
      deltagande_id uuid,
      typ text NOT NULL,
      datum date NOT NULL,
      recorded_at timestamptz NOT NULL,
      user_id text NOT NULL)`);
    await q.query(`CREATE INDEX registrering_fakta_period ON registrering_fakta (forbund_id, datum)
      INCLUDE (insats_id, recorded_at, user_id, deltagande_id)`);
    const [{ events }] = (await q.query(`SELECT to_regclass('events') IS NOT NULL AS events`)) as [
      { events: boolean },
    ];
    if (!events) return;
    await q.query(`INSERT INTO registrering_fakta
      SELECT e.position, d.forbund_id, d.insats_id, d.id, e.type, (e.data->>'datum')::date,
        e.recorded_at, e.metadata->>'userId'
      FROM events e JOIN deltagande d ON e.stream_id = 'deltagande-' || d.id::text
      WHERE e.type IN ('RemissMottagen', 'DeltagareInskriven', 'RemissAterremitterad',
        'DeltagareAvslutad', 'UppfoljningRegistrerad')
      ON CONFLICT DO NOTHING`);
    await q.query(`INSERT INTO registrering_fakta
      SELECT e.position, i.forbund_id, i.id, NULL, e.type, (e.data->>'datum')::date,
        e.recorded_at, e.metadata->>'userId'
      FROM events e JOIN insats i ON e.stream_id = 'insats-' || i.id::text
      WHERE e.type = 'VolymRegistrerad'
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE registrering_fakta`);
  }
}
