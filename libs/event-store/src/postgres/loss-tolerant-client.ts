import pg from 'pg';

/**
 * A PostgreSQL client whose lost connection fails its queries instead of ending the process.
 * pg emits 'error' on a client that loses its server while no query runs on it; a pool
 * listens only while the client is idle in the pool, so a client checked out for a
 * transaction or a lock, between two queries, had no listener, and Node turns an unheard
 * 'error' event into an uncaught exception. The loss still shows: the next query on the
 * client fails, and the pool discards a client that is no longer queryable when released.
 */
export class LossTolerantClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}
