import type { EventStore, RecordedEvent } from '#event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { newBatchScope, type Projection } from './projection.js';
import {
  ProjectionStalledError,
  sameStall,
  stallAt,
  type ProjectionStall,
} from './projection-stall.js';
import { rebuildIntoNewTables } from './rebuild-into-new-tables.js';

export interface ProjectionRunnerOptions {
  /** Checkpoint row name; one runner per name may advance it. */
  readonly name?: string;
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  readonly log?: (message: string, error?: unknown) => void;
  /** First wait after a failure; each further failure doubles it, up to maxRetryDelayMs. */
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
}

/** Another runner advanced the checkpoint under us; our batch was rolled back. */
export class CheckpointMovedError extends Error {
  constructor(name: string, expected: number) {
    super(`Projection checkpoint "${name}" is no longer at ${expected}`);
    this.name = 'CheckpointMovedError';
  }
}

const RETRY_DELAY_MS = 1_000;
/** A stalled projection retries about once a minute: cheap, and it resumes by itself once fixed. */
const MAX_RETRY_DELAY_MS = 60_000;
/**
 * Events per batch (and transaction). Catching up 2 million events at national scale took
 * 108 s in batches of 1,000 and 93 s in batches of 3,000 (5,000 gained nothing more); a
 * follower that is caught up takes whatever few events have arrived.
 */
export const DEFAULT_BATCH_SIZE = 3_000;
const DB_POLL_MS = 50;

/**
 * Applies the global event order to the read models from a checkpoint. Each batch and the
 * checkpoint move commit in one transaction, so a crash never double-counts or skips.
 */
export class ProjectionRunner {
  private readonly name: string;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private checkpoint = 0;
  /** This process's loop's stall, or (without a loop here) the one the database records. */
  private stallNow: ProjectionStall | undefined;
  private stallRecorded = false;
  /** The last failure logged other than a stall, so a repeating one is logged once. */
  private lastFailure: string | undefined;
  private loop: { controller: AbortController; done: Promise<void> } | undefined;
  private readonly waiters = new Set<() => void>();
  /** Bulk writes under way (see makeWayFor) and those waiting for them to end. */
  private bulkWrites = 0;
  private readonly resumers = new Set<() => void>();
  /** The store's head when the last bulk write ended (delayedByBulkWrite compares it). */
  private bulkHead: number | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly projections: readonly Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    this.name = options.name ?? 'read-models';
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.log = options.log ?? (() => undefined);
    this.retryDelayMs = options.retryDelayMs ?? RETRY_DELAY_MS;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? MAX_RETRY_DELAY_MS;
  }

  /** Last applied position known to this process. */
  get position(): number {
    return this.checkpoint;
  }

  /** The event the projections cannot apply, as last seen by this process. */
  get stall(): ProjectionStall | undefined {
    return this.stallNow;
  }

  /** Position and stall as they stand now, also when another process runs the projections. */
  async state(): Promise<{ position: number; stall: ProjectionStall | undefined }> {
    if (!this.loop) await this.readCheckpoint();
    return { position: this.checkpoint, stall: this.stallNow };
  }

  /**
   * True while a bulk write (an import) runs in this process, and after it until the read
   * models have caught up with what it wrote: they lag by design, not by a fault, and reads
   * should answer from them as they stand rather than wait for them.
   */
  get delayedByBulkWrite(): boolean {
    // The one place it is compared: with or without a loop in this process the checkpoint moves.
    return this.bulkWrites > 0 || (this.bulkHead !== undefined && this.checkpoint < this.bulkHead);
  }

  /** True while a bulk write runs in this process (the follower applies nothing meanwhile). */
  get bulkWriteRunning(): boolean {
    return this.bulkWrites > 0;
  }

  /**
   * Runs `work` (a bulk write) while the follower in this process applies nothing new: the
   * write gets the process's event loop and the database to itself, and the projections catch
   * up after it in full batches, at the same cost per event but without competing with it. The
   * read models lag meanwhile; that is not a stall (health stays ok and reports the lag).
   */
  async makeWayFor<T>(work: () => Promise<T>): Promise<T> {
    this.bulkWrites++;
    try {
      return await work();
    } finally {
      if (--this.bulkWrites === 0) {
        this.bulkHead = await this.store.headPosition().catch(() => undefined);
        for (const resume of [...this.resumers]) resume();
      }
    }
  }

  /** Resolves once no bulk write runs (or the signal aborts). */
  private async noBulkWrite(signal: AbortSignal): Promise<void> {
    while (this.bulkWrites > 0 && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const resume = (): void => {
          signal.removeEventListener('abort', resume);
          this.resumers.delete(resume);
          resolve();
        };
        this.resumers.add(resume);
        signal.addEventListener('abort', resume, { once: true });
      });
    }
  }

  /** Applies everything committed so far, then returns the number of events applied. */
  async catchUp(): Promise<number> {
    await this.loadCheckpoint();
    let applied = 0;
    let next = this.store.readAll({ after: this.checkpoint, limit: this.batchSize });
    for (;;) {
      const batch = await next;
      if (batch.length === 0) return applied;
      // The store answers on its own connections: the following batch is read while this one
      // is applied, so reading and applying overlap on a machine's two cores.
      next = this.store.readAll({
        after: batch[batch.length - 1]!.position,
        limit: this.batchSize,
      });
      try {
        await this.applyLocatingFailure(batch);
      } catch (error) {
        next.catch(() => undefined);
        throw error;
      }
      applied += batch.length;
    }
  }

  /** Follows the store in the background until stop(); failures are retried from the checkpoint. */
  start(): void {
    if (this.loop) return;
    const controller = new AbortController();
    this.loop = { controller, done: this.follow(controller.signal) };
  }

  async stop(): Promise<void> {
    if (!this.loop) return;
    this.loop.controller.abort();
    await this.loop.done;
    this.loop = undefined;
  }

  /**
   * Applies all events again from position 0 into new tables and swaps them in only when that
   * succeeds: a rebuild that fails leaves the read models and their checkpoint as they were.
   */
  async rebuild(): Promise<number> {
    const wasRunning = this.loop !== undefined;
    await this.stop();
    try {
      const { applied, position } = await rebuildIntoNewTables(this.dataSource, this.projections, {
        name: this.name,
        catchUp: async (building) => {
          const runner = new ProjectionRunner(this.store, building, this.projections, {
            name: this.name,
            batchSize: this.batchSize,
          });
          return { applied: await runner.catchUp(), position: runner.position };
        },
      });
      this.checkpoint = position;
      this.stallNow = undefined;
      return applied;
    } finally {
      if (wasRunning) this.start();
    }
  }

  /**
   * Resolves true once the read models include `position` (read-your-writes), false after
   * the timeout, or at once while the projections are stalled (they will not get there).
   * Also sees progress made by a runner in another process.
   */
  async waitUntil(position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.checkpoint >= position) return true;
      if (!this.loop) await this.readCheckpoint();
      if (this.checkpoint >= position) return true;
      if (this.stallNow) return false;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(remaining, DB_POLL_MS));
        this.waiters.add(wake);
      });
    }
  }

  private async follow(signal: AbortSignal): Promise<void> {
    let delay = this.retryDelayMs;
    while (!signal.aborted) {
      try {
        await this.loadCheckpoint();
        for await (const batch of this.store.follow({
          after: this.checkpoint,
          limit: this.batchSize,
          signal,
          pollIntervalMs: this.pollIntervalMs,
        })) {
          await this.noBulkWrite(signal);
          if (signal.aborted) return;
          await this.applyLocatingFailure(batch);
          this.recovered();
          delay = this.retryDelayMs;
        }
      } catch (error) {
        if (signal.aborted) return;
        await this.failed(error);
        await sleep(delay, signal);
        delay = Math.min(delay * 2, this.maxRetryDelayMs);
      }
    }
  }

  /** Says what went wrong once, not at every retry; a stall is also recorded for all to see. */
  private async failed(error: unknown): Promise<void> {
    if (!(error instanceof ProjectionStalledError)) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.lastFailure)
        this.log(`Projection "${this.name}" failed; retrying from its checkpoint`, error);
      this.lastFailure = message;
      return;
    }
    const { stall } = error;
    if (!sameStall(stall, this.stallNow)) {
      this.log(
        `Projektionen "${this.name}" stannade vid händelse ${stall.position} (${stall.typ} i ${stall.streamId}): ${stall.fel}; läsmodellerna står still tills den kan tillämpas och försöker igen med allt längre mellanrum`,
        error.cause,
      );
      this.stallNow = stall;
      this.stallRecorded = false;
    }
    // Beside the checkpoint, so that /health of every process can tell. Best effort: with the
    // database away it is tried again at the next retry.
    if (!this.stallRecorded) {
      this.stallRecorded = await this.dataSource
        .query(
          `UPDATE projection_checkpoint SET stall = $2::jsonb WHERE name = $1 AND position = $3`,
          [this.name, JSON.stringify(stall), this.checkpoint],
        )
        .then(
          () => true,
          () => false,
        );
    }
  }

  private recovered(): void {
    this.lastFailure = undefined;
    const stall = this.stallNow;
    if (!stall || this.checkpoint < stall.position) return;
    this.stallNow = undefined;
    this.log(
      `Projektionen "${this.name}" är återhämtad: händelse ${stall.position} (${stall.typ} i ${stall.streamId}) är tillämpad`,
    );
  }

  private async loadCheckpoint(): Promise<void> {
    const rows: { position: number | string }[] = await this.dataSource.query(
      `INSERT INTO projection_checkpoint (name, position) VALUES ($1, 0)
       ON CONFLICT (name) DO UPDATE SET name = excluded.name
       RETURNING position`,
      [this.name],
    );
    this.checkpoint = Number(rows[0]?.position ?? 0);
  }

  /** Where the active projector, in this process or another, has got to: a read, no write. */
  private async readCheckpoint(): Promise<void> {
    const rows: { position: number | string; stall: ProjectionStall | null }[] =
      await this.dataSource.query(
        `SELECT position, stall FROM projection_checkpoint WHERE name = $1`,
        [this.name],
      );
    this.checkpoint = Number(rows[0]?.position ?? 0);
    this.stallNow = rows[0]?.stall ?? undefined;
  }

  /**
   * Applies the batch; when it fails, applies its events one by one to find the one that
   * cannot be applied. The events before it are kept, so the read models stop right there.
   */
  private async applyLocatingFailure(batch: readonly RecordedEvent[]): Promise<void> {
    try {
      await this.applyBatch(batch);
      return;
    } catch (error) {
      if (error instanceof CheckpointMovedError) throw error;
      if (batch.length === 1)
        throw new ProjectionStalledError(stallAt(batch[0]!, error), { cause: error });
    }
    for (const event of batch) {
      try {
        await this.applyBatch([event]);
      } catch (error) {
        if (error instanceof CheckpointMovedError) throw error;
        throw new ProjectionStalledError(stallAt(event, error), { cause: error });
      }
    }
    // Every event applied on its own: what failed the batch has passed (a lost connection).
  }

  private async applyBatch(batch: readonly RecordedEvent[]): Promise<void> {
    const from = this.checkpoint;
    const to = batch[batch.length - 1]!.position;
    await this.dataSource.transaction(async (tx) => {
      await this.moveCheckpoint(tx, from, to);
      const scope = newBatchScope(batch);
      for (const projection of this.projections) {
        const relevant = batch.filter((event) => projection.handles.has(event.type));
        if (relevant.length > 0) await projection.apply(relevant, tx, scope);
      }
    });
    this.checkpoint = to;
    for (const wake of [...this.waiters]) wake();
  }

  /** Moving it first takes the row lock, so a second runner waits and then finds it moved. */
  private async moveCheckpoint(tx: EntityManager, from: number, to: number): Promise<void> {
    const moved: unknown[] = await tx.query(
      `UPDATE projection_checkpoint SET position = $1, updated_at = now(), stall = NULL
       WHERE name = $2 AND position = $3 RETURNING name`,
      [to, this.name, from],
    );
    if (!Array.isArray(moved) || flattenUpdateResult(moved).length !== 1) {
      throw new CheckpointMovedError(this.name, from);
    }
  }
}

/** TypeORM's postgres driver answers UPDATE … RETURNING with [rows, affectedCount]. */
const flattenUpdateResult = (result: unknown[]): unknown[] =>
  result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number'
    ? result[0]
    : result;

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
