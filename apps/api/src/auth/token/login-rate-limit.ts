import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';

export class TooManyLoginAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('För många inloggningsförsök; vänta en stund och försök igen');
    this.name = 'TooManyLoginAttemptsError';
  }
}

/**
 * Backoff on failed logins per IP address and e-mail, in two steps: five failures within a
 * minute block for a minute, twenty within an hour block for an hour. A successful login
 * clears the count. Kept in memory: each API process counts on its own.
 */
@Injectable()
export class LoginRateLimit {
  private readonly limiters = [
    new RateLimiterMemory({
      keyPrefix: 'login-minute',
      points: 5,
      duration: 60,
      blockDuration: 60,
    }),
    new RateLimiterMemory({
      keyPrefix: 'login-hour',
      points: 20,
      duration: 3600,
      blockDuration: 3600,
    }),
  ];

  /** Throws while the key is blocked. */
  async assertAllowed(key: string): Promise<void> {
    for (const limiter of this.limiters) {
      const state = await limiter.get(key);
      if (state && state.remainingPoints <= 0) throw tooMany(state);
    }
  }

  async failed(key: string): Promise<void> {
    for (const limiter of this.limiters) {
      await limiter.consume(key).catch(() => undefined); // already blocked: nothing to add
    }
  }

  async succeeded(key: string): Promise<void> {
    for (const limiter of this.limiters) await limiter.delete(key);
  }
}

const tooMany = (state: RateLimiterRes): TooManyLoginAttemptsError =>
  new TooManyLoginAttemptsError(Math.max(1, Math.ceil(state.msBeforeNext / 1000)));

export const loginKey = (ip: string | undefined, email: string): string =>
  `${ip ?? 'unknown'}:${email.toLowerCase()}`;
