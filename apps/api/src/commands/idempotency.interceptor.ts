import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Response } from 'express';
import { createHmac } from 'node:crypto';
import { catchError, concatMap, from, map, of, switchMap, type Observable } from 'rxjs';
import type { Repository } from 'typeorm';
import type { AuthenticatedRequest } from '../auth/auth-user.js';
import { tokenSecret } from '../auth/token-secret.js';
import type { AppConfig } from '#platform';
import { APP_CONFIG } from '../config/config.module.js';
import { BadRequestError, IdempotencyConflictError } from '../http/application-errors.js';
import { IdempotencyKeyRow } from './idempotency-key.entity.js';

const HEADER = 'idempotency-key';
const MAX_KEY_LENGTH = 200;

/**
 * `Idempotency-Key` on a command: the first request claims the key, its answer is stored, and
 * a retry gets that answer back without appending again. A failed first attempt releases
 * the key, since nothing was appended.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly hashKey: string;

  constructor(
    @InjectRepository(IdempotencyKeyRow) private readonly keys: Repository<IdempotencyKeyRow>,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.hashKey = `idempotency:${tokenSecret(config)}`;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const key = request.headers[HEADER];
    if (request.method === 'GET' || key === undefined || !request.user) return next.handle();
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw new BadRequestError(`Idempotency-Key måste vara 1–${MAX_KEY_LENGTH} tecken`);
    }
    const userId = request.user.id;
    // Keyed: a body may hold a personnummer, and a plain hash of it could be brute-forced.
    const requestHash = createHmac('sha256', this.hashKey)
      .update(`${request.method} ${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const response = http.getResponse<Response>();

    return from(this.claim(userId, key, requestHash)).pipe(
      switchMap((earlier) => {
        if (earlier) {
          response.status(earlier.statusCode ?? 200);
          return of(earlier.response);
        }
        return next.handle().pipe(
          // Stored before the answer leaves, so a retry never finds the key still in progress.
          concatMap((body) =>
            from(
              this.keys.query(
                `UPDATE idempotency_key SET status_code = $3, response = $4::jsonb
                 WHERE user_id = $1 AND key = $2`,
                [userId, key, response.statusCode, JSON.stringify(body ?? null)],
              ),
            ).pipe(map(() => body)),
          ),
          catchError((error: unknown) =>
            from(this.keys.delete({ userId, key })).pipe(
              switchMap(() => {
                throw error;
              }),
            ),
          ),
        );
      }),
    );
  }

  /** Claims the key, or returns the earlier answer when the same request already completed. */
  private async claim(
    userId: string,
    key: string,
    requestHash: string,
  ): Promise<IdempotencyKeyRow | undefined> {
    const claimed: unknown[] = await this.keys.query(
      `INSERT INTO idempotency_key (user_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING key`,
      [userId, key, requestHash],
    );
    if (claimed.length > 0) return undefined;
    const earlier = await this.keys.findOneBy({ userId, key });
    if (!earlier) return this.claim(userId, key, requestHash);
    if (earlier.requestHash !== requestHash) {
      throw new IdempotencyConflictError(
        'Idempotency-Key har redan använts för en annan begäran',
        false,
      );
    }
    if (earlier.statusCode === null) {
      throw new IdempotencyConflictError('En begäran med samma Idempotency-Key pågår redan', true);
    }
    return earlier;
  }
}
