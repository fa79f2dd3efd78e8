import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';

export class TooManyLoginAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('För många inloggningsförsök; vänta en stund och försök igen');
    this.name = 'TooManyLoginAttemptsError';
  }
}

/**
 * Production limits, in seconds. Each one stops one attack without handing an attacker a way
 * to shut the real user out:
 * - one address guessing one account: 5 failures a minute, then that address waits out the
 *   minute (a user's own typos cost at most a minute);
 * - many addresses guessing one account: after 20 failures in 15 minutes the account refuses
 *   every address that has failed on it in the last 15 minutes; an address that has not may
 *   still try, so the owner logs in from their own device while the account is under attack,
 *   and each attacking address gets one guess per 15 minutes;
 * - one address trying many accounts (password spraying): 100 failures an hour, then that
 *   address waits out the hour, except for accounts it has logged in to before (30 days), so
 *   an attacker behind an office's NAT does not shut out the office.
 * Only someone behind the same address guessing the same account delays its owner, and then
 * by minutes, never by a lockout that outlives the attack.
 */
export const LOGIN_LIMITS = {
  accountAndClient: { points: 5, duration: 60 },
  failedOnAccount: { duration: 15 * 60 },
  account: { points: 20, duration: 15 * 60 },
  client: { points: 100, duration: 60 * 60 },
  knownClient: { duration: 30 * 24 * 60 * 60 },
} as const;

/** Created by migration 1764500000000 with the schema RateLimiterPostgres expects. */
const TABLE = 'login_rate_limit';

/** An attempt that was counted and let through to the password check. */
export interface LoginAttempt {
  readonly accountKey: string;
  readonly clientKey: string;
  readonly pairKey: string;
}

/**
 * Counts login attempts in PostgreSQL, so every API process shares the counts and a restart
 * keeps them. An attempt is counted before its password is checked: parallel guesses cannot
 * slip past a limit; a successful login takes its count back.
 */
@Injectable()
export class LoginRateLimit {
  private readonly accountAndClient: RateLimiterPostgres;
  private readonly failedOnAccount: RateLimiterPostgres;
  private readonly account: RateLimiterPostgres;
  private readonly client: RateLimiterPostgres;
  private readonly knownClient: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource) {
    const limiter = (
      keyPrefix: string,
      limit: { points?: number; duration: number },
      clearExpired = false,
    ): RateLimiterPostgres =>
      new RateLimiterPostgres({
        // 'typeorm' reads the DataSource's pool on every query: the app's pool, no other.
        storeClient: dataSource,
        storeType: 'typeorm',
        tableName: TABLE,
        tableCreated: true,
        // One sweeper suffices: it deletes expired rows of every limiter in the shared table.
        clearExpiredByTimeout: clearExpired,
        keyPrefix,
        points: limit.points ?? 1,
        duration: limit.duration,
      });
    this.accountAndClient = limiter('konto-klient', LOGIN_LIMITS.accountAndClient, true);
    this.failedOnAccount = limiter('konto-klient-misslyckat', LOGIN_LIMITS.failedOnAccount);
    this.account = limiter('konto', LOGIN_LIMITS.account);
    this.client = limiter('klient', LOGIN_LIMITS.client);
    this.knownClient = limiter('kand-klient', LOGIN_LIMITS.knownClient);
  }

  /** Counts an attempt; throws while a limit refuses this client for this account. */
  async attempt(email: string, ip: string | undefined): Promise<LoginAttempt> {
    const account = accountOf(email);
    const client = clientOf(ip);
    const attempt: LoginAttempt = {
      accountKey: hashed('account', account),
      clientKey: hashed('client', client),
      pairKey: hashed('pair', `${account}\n${client}`),
    };
    const [pair, failedOnAccount, accountCount, clientCount, known] = await Promise.all([
      this.accountAndClient.penalty(attempt.pairKey),
      this.failedOnAccount.penalty(attempt.pairKey),
      this.account.penalty(attempt.accountKey),
      this.client.penalty(attempt.clientKey),
      this.knownClient.get(attempt.pairKey),
    ]);
    const waits: number[] = [];
    if (pair.consumedPoints > LOGIN_LIMITS.accountAndClient.points) waits.push(pair.msBeforeNext);
    // Counts before this attempt: the client has failed on this account lately.
    const hasFailedHere = failedOnAccount.consumedPoints > 1;
    if (accountCount.consumedPoints > LOGIN_LIMITS.account.points && hasFailedHere) {
      waits.push(Math.min(accountCount.msBeforeNext, failedOnAccount.msBeforeNext));
    }
    if (clientCount.consumedPoints > LOGIN_LIMITS.client.points && !known) {
      waits.push(clientCount.msBeforeNext);
    }
    if (waits.length > 0) throw tooMany(Math.max(...waits));
    return attempt;
  }

  /** The password was right: the attempt was no guess, and this client is now known here. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await Promise.all([
      this.accountAndClient.delete(attempt.pairKey),
      this.failedOnAccount.delete(attempt.pairKey),
      this.account.reward(attempt.accountKey),
      this.client.reward(attempt.clientKey),
      this.knownClient.set(attempt.pairKey, 1, LOGIN_LIMITS.knownClient.duration),
    ]);
  }
}

const tooMany = (msBeforeNext: number): TooManyLoginAttemptsError =>
  new TooManyLoginAttemptsError(Math.max(1, Math.ceil(msBeforeNext / 1000)));

/** An account is its e-mail as the user lookup sees it (lower case). */
const accountOf = (email: string): string => email.toLowerCase();

/**
 * A client is its IPv4 address, or the /64 network of an IPv6 one: a single IPv6 host is
 * usually handed a whole /64 and could otherwise count as billions of clients.
 */
export const clientOf = (ip: string | undefined): string => {
  if (!ip) return 'unknown';
  const address = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // A trailing dotted IPv4 part fills the last two groups.
  const rightGroups = right.length + (right.at(-1)?.includes('.') ? 1 : 0);
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - rightGroups).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
};

/** Keys are hashed: the table holds no e-mail or IP address, and every key fits its column. */
const hashed = (kind: string, value: string): string =>
  createHash('sha256').update(`${kind}\n${value}`).digest('base64url');
