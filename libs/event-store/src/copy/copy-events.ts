import { createHash } from 'node:crypto';
import { MAX_EVENTS_PER_APPEND } from '../append-rules.js';
import type { EventStore, NewEvent, RecordedEvent } from '../event-store.js';

export interface CopyEventsOptions {
  /** Events read from the source per batch; default 500. */
  readonly batchSize?: number;
  /** Progress lines. */
  readonly log?: (message: string) => void;
  /** Longest wait for a store's readAll to reach its head (held back by in-flight writes). */
  readonly settleTimeoutMs?: number;
}

/** Count of events and SHA-256 over them in global order: equal digests mean equal history. */
export interface EventStoreDigest {
  readonly count: number;
  readonly hash: string;
}

export interface CopyEventsResult {
  /** Events appended to the target by this run. */
  readonly copied: number;
  /** Events the target already held at their revision (an earlier, interrupted run). */
  readonly skipped: number;
  readonly source: EventStoreDigest;
  readonly target: EventStoreDigest;
}

/** Source and target differ after the copy; carries both digests. */
export class CopyVerificationError extends Error {
  constructor(
    readonly source: EventStoreDigest,
    readonly target: EventStoreDigest,
  ) {
    super(
      `Copy verification failed: source has ${source.count} events (sha256 ${source.hash}), ` +
        `target has ${target.count} events (sha256 ${target.hash})`,
    );
    this.name = 'CopyVerificationError';
  }
}

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_SETTLE_TIMEOUT_MS = 30_000;

/** JSON with object keys sorted at every level, so equal data hashes equally in any store. */
export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

/** What the digest covers of one event: everything a copy must keep, nothing store-specific. */
const digestLine = (event: RecordedEvent): string =>
  JSON.stringify([
    event.streamId,
    event.revision,
    event.type,
    canonicalJson(event.data),
    event.metadata.userId,
    event.metadata.correlationId,
    event.metadata.causationId,
    event.recordedAt.toISOString(),
    // Only when present, so digests of events without one stay what they were.
    ...(event.metadata.idempotencyKey ? [event.metadata.idempotencyKey] : []),
  ]) + '\n';

/**
 * Every event up to the head position at the start, in batches. Polls while readAll is held
 * back below the head (PostgreSQL: an older transaction still in flight somewhere).
 */
async function* readToHead(
  store: EventStore,
  batchSize: number,
  settleTimeoutMs: number,
): AsyncGenerator<RecordedEvent[], void, undefined> {
  const head = await store.headPosition();
  let after = 0;
  let waitingSince: number | undefined;
  while (after < head) {
    const batch = await store.readAll({ after, limit: batchSize });
    if (batch.length > 0) {
      waitingSince = undefined;
      after = batch[batch.length - 1]!.position;
      yield batch;
      continue;
    }
    waitingSince ??= Date.now();
    if (Date.now() - waitingSince > settleTimeoutMs) {
      throw new Error(`readAll stopped at position ${after} below the head ${head}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Count and SHA-256 of every event in global order (see digestLine). */
export const digestEventStore = async (
  store: EventStore,
  options: Pick<CopyEventsOptions, 'batchSize' | 'settleTimeoutMs'> = {},
): Promise<EventStoreDigest> => {
  const hash = createHash('sha256');
  let count = 0;
  for await (const batch of readToHead(
    store,
    options.batchSize ?? DEFAULT_BATCH_SIZE,
    options.settleTimeoutMs ?? DEFAULT_SETTLE_TIMEOUT_MS,
  )) {
    for (const event of batch) hash.update(digestLine(event));
    count += batch.length;
  }
  return { count, hash: hash.digest('hex') };
};

const toNewEvent = (event: RecordedEvent): NewEvent => ({
  type: event.type,
  data: event.data,
  metadata: {
    userId: event.metadata.userId,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    ...(event.metadata.idempotencyKey ? { idempotencyKey: event.metadata.idempotencyKey } : {}),
  },
  recordedAt: event.recordedAt,
});

/** Consecutive events of one stream: appended together, as the source most likely did. */
const runsByStream = (batch: readonly RecordedEvent[]): RecordedEvent[][] => {
  const runs: RecordedEvent[][] = [];
  for (const event of batch) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.streamId === event.streamId) last.push(event);
    else runs.push([event]);
  }
  return runs;
};

/**
 * Copies every event of `from` into `to` in global order: same stream, same revision (the
 * revision check makes a concurrent writer or a diverged target fail instead of interleave),
 * type, data, metadata and recordedAt. Resumable: events the target already holds at their
 * revision with the same type are skipped, so a re-run after an interruption continues where
 * it stopped. Ends by comparing count and hash of both stores; throws CopyVerificationError if
 * they differ. Run it with the application stopped: events appended meanwhile are not copied.
 */
export const copyEvents = async (
  from: EventStore,
  to: EventStore,
  options: CopyEventsOptions = {},
): Promise<CopyEventsResult> => {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const settleTimeoutMs = options.settleTimeoutMs ?? DEFAULT_SETTLE_TIMEOUT_MS;
  const log = options.log ?? (() => undefined);
  // Types of each target stream's events by revision, read once per stream and kept current.
  const targetStreams = new Map<string, string[]>();
  const targetTypes = async (streamId: string): Promise<string[]> => {
    let types = targetStreams.get(streamId);
    if (!types) {
      types = (await to.readStream(streamId)).map((e) => e.type);
      targetStreams.set(streamId, types);
    }
    return types;
  };

  let copied = 0;
  let skipped = 0;
  for await (const batch of readToHead(from, batchSize, settleTimeoutMs)) {
    for (const run of runsByStream(batch)) {
      const streamId = run[0]!.streamId;
      const types = await targetTypes(streamId);
      const missing: RecordedEvent[] = [];
      for (const event of run) {
        if (event.revision < types.length) {
          if (types[event.revision] !== event.type) {
            throw new Error(
              `Target stream ${streamId} holds ${types[event.revision]} at revision ` +
                `${event.revision} where the source has ${event.type}`,
            );
          }
          skipped++;
        } else {
          if (event.revision !== types.length + missing.length) {
            throw new Error(
              `Target stream ${streamId} ends at revision ${types.length - 1}, ` +
                `cannot append source revision ${event.revision}`,
            );
          }
          missing.push(event);
        }
      }
      for (let i = 0; i < missing.length; i += MAX_EVENTS_PER_APPEND) {
        const chunk = missing.slice(i, i + MAX_EVENTS_PER_APPEND);
        const first = chunk[0]!.revision;
        await to.appendToStream(streamId, chunk.map(toNewEvent), {
          expectedRevision: first === 0 ? 'no-stream' : first - 1,
        });
        types.push(...chunk.map((e) => e.type));
        copied += chunk.length;
      }
    }
    log(
      `Copied ${copied}, skipped ${skipped} events (source position ${batch[batch.length - 1]!.position})`,
    );
  }

  log('Comparing count and hash of both stores');
  const source = await digestEventStore(from, { batchSize, settleTimeoutMs });
  const target = await digestEventStore(to, { batchSize, settleTimeoutMs });
  if (source.count !== target.count || source.hash !== target.hash) {
    throw new CopyVerificationError(source, target);
  }
  log(`Verified: ${source.count} events, sha256 ${source.hash}`);
  return { copied, skipped, source, target };
};
