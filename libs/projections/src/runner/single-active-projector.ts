import { LossTolerantClient } from '#event-store';
import type pg from 'pg';
import type { ProjectionRunner } from './projection-runner.js';

/** Arbitrary, fixed: every projector of a database competes for this advisory lock. */
export const PROJECTOR_LOCK_KEY = 4_711_003;

export interface SingleActiveProjectorOptions {
  /** How often a standby projector tries to take over. */
  readonly retryMs?: number;
  readonly log?: (message: string, error?: unknown) => void;
}

/**
 * Runs the projections only while holding a session-level PostgreSQL advisory lock, so at
 * most one projector per database is active however many API replicas or projector
 * processes run; the others wait on standby. A process that dies loses its connection and
 * with it the lock, and a standby takes over. (Were two ever active, the runner's
 * conditional checkpoint would still roll one's batch back: nothing is applied twice.)
 */
export class SingleActiveProjector {
  private readonly retryMs: number;
  private readonly log: (message: string, error?: unknown) => void;
  private controller: AbortController | undefined;
  private loop: Promise<void> | undefined;
  private activeNow = false;

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly connectionString: string,
    options: SingleActiveProjectorOptions = {},
  ) {
    this.retryMs = options.retryMs ?? 2_000;
    this.log = options.log ?? (() => undefined);
  }

  get active(): boolean {
    return this.activeNow;
  }

  start(): void {
    if (this.loop) return;
    this.controller = new AbortController();
    this.loop = this.run(this.controller.signal);
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    await this.loop;
    this.loop = undefined;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let announcedStandby = false;
    // Said once when the lock's connection is lost, not at every retry while the database is away.
    let announcedLoss = false;
    while (!signal.aborted) {
      const client = new LossTolerantClient({ connectionString: this.connectionString });
      try {
        await client.connect();
        announcedLoss = false;
        const { rows } = await client.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_lock($1) AS locked',
          [PROJECTOR_LOCK_KEY],
        );
        if (rows[0]?.locked) {
          announcedStandby = false;
          await this.whileHolding(client, signal);
        } else if (!announcedStandby) {
          this.log('Projektorn väntar i beredskap: en annan projektor är aktiv');
          announcedStandby = true;
        }
      } catch (error) {
        if (!signal.aborted && !announcedLoss) {
          this.log(
            'Projektorns låsanslutning föll bort; försöker igen tills databasen svarar',
            error,
          );
          announcedLoss = true;
        }
      } finally {
        await client.end().catch(() => undefined);
      }
      if (!signal.aborted) await sleep(this.retryMs, signal);
    }
  }

  /** Runs the projections until stopped or until the lock's connection is lost. */
  private async whileHolding(client: pg.Client, signal: AbortSignal): Promise<void> {
    const lost = new Promise<void>((resolve) => {
      client.once('error', () => resolve());
      client.once('end', () => resolve());
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
    this.activeNow = true;
    this.log('Projektorn är aktiv');
    this.runner.start();
    try {
      await lost;
    } finally {
      await this.runner.stop();
      this.activeNow = false;
    }
  }
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
