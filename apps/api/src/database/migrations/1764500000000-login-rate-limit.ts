import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login attempt counts, shared by every API process and kept across restarts. The columns are
 * the ones rate-limiter-flexible's RateLimiterPostgres reads and writes (it is told the table
 * exists and never creates it); `expire` is epoch milliseconds. Keys are hashes, not e-mails.
 */
export class LoginRateLimit1764500000000 implements MigrationInterface {
  name = 'LoginRateLimit1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE login_rate_limit (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_rate_limit`);
  }
}
