import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { AppConfig } from '#platform';
import { APP_CONFIG } from '../config/config.module.js';
import { ForbiddenError, UnauthorizedError } from '../http/application-errors.js';
import type { Roll } from '../users/user.entity.js';
import {
  IS_PUBLIC,
  ROLES,
  SYSTEMADMIN,
  type AuthenticatedRequest,
  type AuthUser,
} from './auth-user.js';

export interface TokenClaims {
  sub: string;
  jti: string;
  exp: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Clocks of replicas may differ this much; a token's exp may lie that far beyond its TTL. */
const CLOCK_SKEW_SECONDS = 60;
const OGILTIG = 'Ogiltig eller utgången token';

/**
 * The user behind a token that is not logged out, in one statement: a changed role or a
 * removed user takes effect at the next request. Named, so each connection parses and plans
 * it once: it runs before every request.
 */
const ACTIVE_USER = {
  name: 'auth.active-user',
  text: `SELECT id, forbund_id AS "forbundId", roll, systemadmin, insatser
         FROM app_user
         WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM revoked_token WHERE jti = $2)`,
};

/** Every route needs a valid bearer token unless @Public; @Roles and @SystemadminOnly narrow it. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly tokenTtlSeconds: number;
  /** TypeORM's own pool, queried directly: TypeORM cannot name a statement. */
  private readonly pool: pg.Pool;

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectDataSource() dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokenTtlSeconds = config.tokenTtlSeconds;
    this.pool = (dataSource.driver as PostgresDriver).master as pg.Pool;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { user, claims } = await this.authenticate(request.headers.authorization);
    request.user = user;
    request.token = claims;

    const roles = this.reflector.getAllAndOverride<Roll[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.roll)) throw new ForbiddenError();
    if (this.reflector.getAllAndOverride<boolean>(SYSTEMADMIN, targets) && !user.systemadmin) {
      throw new ForbiddenError();
    }
    return true;
  }

  private async authenticate(
    header: string | undefined,
  ): Promise<{ user: AuthUser; claims: TokenClaims }> {
    const [scheme, token] = header?.split(' ') ?? [];
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedError('Bearer-token saknas');
    const claims = this.verify(token);
    const { rows } = await this.pool.query<AuthUser>({
      ...ACTIVE_USER,
      values: [claims.sub, claims.jti],
    });
    const row = rows[0];
    if (!row) throw new UnauthorizedError(OGILTIG);
    return {
      user: {
        id: row.id,
        forbundId: row.forbundId,
        roll: row.roll,
        systemadmin: row.systemadmin,
        insatser: row.insatser,
      },
      claims,
    };
  }

  /**
   * The token's claims as we issue them: uuids for user and token id, and an expiry no further
   * away than a token lives. A token signed with our secret but shaped otherwise is refused.
   */
  private verify(token: string): TokenClaims {
    let claims: Record<string, unknown>;
    try {
      claims = this.jwt.verify<Record<string, unknown>>(token);
    } catch {
      throw new UnauthorizedError(OGILTIG);
    }
    const { sub, jti, exp } = claims;
    const latestExp = Date.now() / 1000 + this.tokenTtlSeconds + CLOCK_SKEW_SECONDS;
    if (
      typeof sub !== 'string' ||
      !UUID.test(sub) ||
      typeof jti !== 'string' ||
      !UUID.test(jti) ||
      typeof exp !== 'number' ||
      !(exp <= latestExp)
    ) {
      throw new UnauthorizedError(OGILTIG);
    }
    return { sub, jti, exp };
  }
}
