import {
  Inject,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Response } from 'express';
import { createHmac, randomUUID } from 'node:crypto';
import { catchError, concatMap, finalize, from, map, of, switchMap, type Observable } from 'rxjs';
import type { Repository } from 'typeorm';
import { tokenSecret } from '../auth/token-secret.js';
import type { AppConfig } from '#platform';
import { APP_CONFIG } from '../config/config.module.js';
import { BadRequestError, IdempotencyConflictError } from '../http/application-errors.js';
import { toErrorBody } from '../http/error-response.filter.js';
import type { IdempotentRequest } from './command-metadata.js';
import { IdempotencyKeyRow } from './idempotency-key.entity.js';

const HEADER = 'idempotency-key';
const MAX_KEY_LENGTH = 200;
/**
 * A claim older than this belongs to a request that died with another process: commands end
 * within seconds (the longest wait is the person lock's 10 s). Taking over one that still
 * runs is safe too: the command path finds the key in its stream, and the append's expected
 * revision lets only one of the two through.
 */
export const CLAIM_LEASE_SECONDS = 30;

/** This process: its own claims that no request runs any more were left by a failed request. */
const PROCESS_ID = randomUUID();

/** The secret the key's ids and request hashes are made with, from the token secret. */
export const idempotencySecret = (tokenSecret: string): string => `idempotency:${tokenSecret}`;

/**
 * What binds a key to one request: method, path and body. Keyed, since a body may hold a
 * personnummer, and a plain hash of it could be brute-forced.
 */
export const requestHash = (secret: string, method: string, url: string, body: unknown): string =>
  createHmac('sha256', secret)
    .update(`${method} ${url}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');

/** The key's id in events and the id of what it creates, both fixed by user and key. */
export const idempotencyIds = (
  secret: string,
  userId: string,
  key: string,
): { key: string; newId: string } => {
  const digest = createHmac('sha256', secret).update(`${userId}\n${key}`).digest();
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // shaped as a version 4 uuid, as every other id
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return {
    key: digest.toString('base64url'),
    newId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
  };
};

/** Errors after which nothing was appended, so the key may be used again for another body. */
const nothingAppended = (error: unknown): boolean => {
  const status = toErrorBody(error)?.statusCode;
  // 409 is a lost race with another attempt, which may be this key's own earlier one.
  return status !== undefined && status < 500 && status !== 409;
};

type Claim =
  | { readonly kind: 'run'; readonly claim: string }
  | { readonly kind: 'replay'; readonly row: IdempotencyKeyRow };

/**
 * `Idempotency-Key` on a command: the first request claims the key, its answer is stored, and
 * a retry gets that answer back without appending again.
 *
 * What makes it hold through a crash at any moment: the key's id goes into the metadata of
 * every event the command appends, and a command that creates a stream creates it under an id
 * fixed by the key. A retry that finds a claim without an answer, once the claiming request
 * is gone (it failed, its process ended, or its lease ran out), runs the command again: if the
 * first attempt appended, the command path finds the key in the stream and answers with that
 * result instead of appending; if not, the command runs now, once.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);
  private readonly secret: string;
  /** Claims this process's requests hold right now. */
  private readonly running = new Set<string>();

  constructor(
    @InjectRepository(IdempotencyKeyRow) private readonly keys: Repository<IdempotencyKeyRow>,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secret = idempotencySecret(tokenSecret(config));
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<IdempotentRequest>();
    const key = request.headers[HEADER];
    if (request.method === 'GET' || key === undefined || !request.user) return next.handle();
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw new BadRequestError(`Idempotency-Key måste vara 1–${MAX_KEY_LENGTH} tecken`);
    }
    const userId = request.user.id;
    const hash = requestHash(this.secret, request.method, request.originalUrl, request.body);
    request.idempotency = idempotencyIds(this.secret, userId, key);
    const response = http.getResponse<Response>();

    return from(this.claim(userId, key, hash)).pipe(
      switchMap((claimed) => {
        if (claimed.kind === 'replay') {
          response.status(claimed.row.statusCode ?? 200);
          return of(claimed.row.response);
        }
        const { claim } = claimed;
        return next.handle().pipe(
          // Stored before the answer leaves; should that fail, the claim stays and a retry
          // finds the events the command appended.
          concatMap((body) =>
            from(this.complete(userId, key, response.statusCode, body)).pipe(map(() => body)),
          ),
          catchError((error: unknown) =>
            from(this.release(userId, key, claim, error)).pipe(
              switchMap(() => {
                throw error;
              }),
            ),
          ),
          finalize(() => this.running.delete(claim)),
        );
      }),
    );
  }

  /**
   * Claims the key (or takes over a dead request's claim), or finds the earlier answer. The
   * claim counts as running from before it is written, so that no other request of this
   * process can see it written and not yet running.
   */
  private async claim(userId: string, key: string, requestHash: string): Promise<Claim> {
    const claim = randomUUID();
    this.running.add(claim);
    try {
      const outcome = await this.claimAs(claim, userId, key, requestHash);
      if (outcome.kind === 'replay') this.running.delete(claim);
      return outcome;
    } catch (error) {
      this.running.delete(claim);
      throw error;
    }
  }

  private async claimAs(
    claim: string,
    userId: string,
    key: string,
    requestHash: string,
  ): Promise<Claim> {
    const inserted: unknown[] = await this.keys.query(
      `INSERT INTO idempotency_key (user_id, key, request_hash, claim, claimed_by, claimed_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT DO NOTHING RETURNING key`,
      [userId, key, requestHash, claim, PROCESS_ID],
    );
    if (inserted.length > 0) return { kind: 'run', claim };

    const [earlier] = (await this.keys.query(
      `SELECT request_hash AS "requestHash", status_code AS "statusCode", response,
              claim, claimed_by AS "claimedBy",
              claimed_at IS NULL OR claimed_at < now() - make_interval(secs => $3) AS expired
       FROM idempotency_key WHERE user_id = $1 AND key = $2`,
      [userId, key, CLAIM_LEASE_SECONDS],
    )) as (IdempotencyKeyRow & { expired: boolean })[];
    // Released and removed meanwhile: claim it afresh.
    if (!earlier) return this.claimAs(claim, userId, key, requestHash);
    if (earlier.requestHash !== requestHash) {
      throw new IdempotencyConflictError(
        'Idempotency-Key har redan använts för en annan begäran',
        false,
      );
    }
    if (earlier.statusCode !== null) return { kind: 'replay', row: earlier };

    const abandoned =
      earlier.expired ||
      (earlier.claimedBy === PROCESS_ID && !this.running.has(earlier.claim ?? ''));
    if (abandoned && (await this.takeOver(userId, key, earlier.claim, claim))) {
      return { kind: 'run', claim };
    }
    throw new IdempotencyConflictError('En begäran med samma Idempotency-Key pågår redan', true);
  }

  /** Takes the claim from a request that is gone; only one of several retries gets it. */
  private async takeOver(
    userId: string,
    key: string,
    previous: string | null,
    claim: string,
  ): Promise<boolean> {
    const taken: unknown[] = await this.keys.query(
      `UPDATE idempotency_key SET claim = $4, claimed_by = $5, claimed_at = now()
       WHERE user_id = $1 AND key = $2 AND status_code IS NULL AND claim IS NOT DISTINCT FROM $3
       RETURNING key`,
      [userId, key, previous, claim, PROCESS_ID],
    );
    return taken.length > 0;
  }

  /** Stores the first answer; a later attempt at the same command answers the same anyway. */
  private async complete(
    userId: string,
    key: string,
    statusCode: number,
    body: unknown,
  ): Promise<void> {
    await this.keys.query(
      `UPDATE idempotency_key SET status_code = $3, response = $4::jsonb, claimed_at = NULL
       WHERE user_id = $1 AND key = $2 AND status_code IS NULL`,
      [userId, key, statusCode, JSON.stringify(body ?? null)],
    );
  }

  /**
   * After a failed attempt: when nothing was appended the key is freed; otherwise (an error
   * that may have come after the append) it stays bound to this request, released for a
   * retry at once. Should the database be away for this too, the claim stays ours, and a
   * retry in this process sees that no request runs it.
   */
  private async release(userId: string, key: string, claim: string, error: unknown): Promise<void> {
    try {
      if (nothingAppended(error)) {
        await this.keys.query(
          `DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND claim = $3`,
          [userId, key, claim],
        );
      } else {
        await this.keys.query(
          `UPDATE idempotency_key SET claimed_at = NULL
           WHERE user_id = $1 AND key = $2 AND claim = $3 AND status_code IS NULL`,
          [userId, key, claim],
        );
      }
    } catch (releaseError) {
      this.logger.warn(
        `Could not release an Idempotency-Key claim: ${releaseError instanceof Error ? releaseError.message : String(releaseError)}`,
      );
    }
  }
}
