import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { LossTolerantClient } from '#event-store';
import pg from 'pg';
import { DATABASE_URL } from '../config/config.module.js';

/** Advisory-lock class of person locks: the two-key form keeps them apart from other locks. */
const LOCK_CLASS = 0x70657273;
const LOCK_NOT_AVAILABLE = '55P03';

export interface PersonLockOptions {
  /** Longest a command waits for the commands before it on the same person. */
  readonly timeoutMs: number;
  /** Connections that may hold person locks at once, beside the app's and the store's pools. */
  readonly poolSize: number;
}
export const PERSON_LOCK_OPTIONS = Symbol('PERSON_LOCK_OPTIONS');
const DEFAULTS: PersonLockOptions = { timeoutMs: 10_000, poolSize: 4 };

/** Another command on the same person held it longer than a command may wait. */
export class PersonUpptagenError extends Error {
  readonly retryAfterSeconds = 1;

  constructor() {
    super('Personen ändras just nu i en annan begäran; försök igen om en stund');
    this.name = 'PersonUpptagenError';
  }
}

/**
 * Serializes the commands that check a rule across a person's deltaganden (one open deltagande
 * per insats; one kön and födelseår) with the append that relies on the check. A PostgreSQL
 * advisory lock holds it across processes whichever event store is used; in front of it, an
 * in-process queue per person makes one request per person and process wait on the database,
 * so waiting requests hold no connection. The lock connections come from a pool of their own:
 * a holder's work takes connections from the other pools, which waiters never hold.
 */
@Injectable()
export class PersonLock implements OnApplicationShutdown {
  private readonly logger = new Logger(PersonLock.name);
  private readonly pool: pg.Pool;
  private readonly queues = new Map<string, Promise<void>>();

  private readonly timeoutMs: number;

  constructor(
    @Inject(DATABASE_URL) databaseUrl: string,
    @Optional() @Inject(PERSON_LOCK_OPTIONS) options: PersonLockOptions = DEFAULTS,
  ) {
    this.timeoutMs = options.timeoutMs;
    this.pool = new pg.Pool({
      connectionString: databaseUrl,
      max: options.poolSize,
      connectionTimeoutMillis: options.timeoutMs,
      Client: LossTolerantClient,
    });
    // An idle connection that breaks (database restarted) must not crash the process.
    this.pool.on('error', (error) =>
      this.logger.warn(`Person lock connection lost: ${error.message}`),
    );
  }

  /**
   * Runs `work` while no other command on the person runs; throws PersonUpptagenError on
   * timeout. `key` names the person (PersonVault.lockKey).
   */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.timeoutMs;
    const previous = this.queues.get(key);
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous ? previous.then(() => mine) : mine;
    this.queues.set(key, tail);
    try {
      if (previous) await before(previous, deadline);
      return await this.locked(key, deadline, work);
    } finally {
      release();
      if (this.queues.get(key) === tail) this.queues.delete(key);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }

  private async locked<T>(key: string, deadline: number, work: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect().catch((error: Error) => {
      // Every lock connection busy for longer than a command may wait.
      throw error.message.includes('timeout') ? new PersonUpptagenError() : error;
    });
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('lock_timeout', $1, true)`, [
        `${Math.max(1, deadline - Date.now())}ms`,
      ]);
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_CLASS, key]);
    } catch (error) {
      await this.end(client);
      if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) throw new PersonUpptagenError();
      throw error;
    }
    try {
      return await work();
    } finally {
      await this.end(client);
    }
  }

  /** Ends the transaction, which releases the lock; a broken connection is discarded. */
  private async end(client: pg.PoolClient): Promise<void> {
    try {
      await client.query('ROLLBACK');
      client.release();
    } catch (error) {
      client.release(error as Error);
    }
  }
}

const before = async (previous: Promise<void>, deadline: number): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      previous,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PersonUpptagenError()), deadline - Date.now());
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
};
