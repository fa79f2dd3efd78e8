import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '#platform';
import { APP_CONFIG } from '../config/config.module.js';
import { ForbiddenError, UnauthorizedError } from '../http/application-errors.js';
import type { Roll } from '../users/user.entity.js';
import { ActiveUsers } from './active-users.js';
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
/** Tokens verified lately; a client sends the same one with every request until it expires. */
const VERIFIED_TOKENS_KEPT = 1_000;

/** Every route needs a valid bearer token unless @Public; @Roles and @SystemadminOnly narrow it. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly tokenTtlSeconds: number;
  /**
   * Claims of tokens whose signature and shape were checked, by the token itself: the same
   * string verifies the same way until its exp, so only exp is checked again (HMAC and JSON
   * parsing were a few per cent of a command's CPU). Emptied when full, so it stays bounded.
   */
  private readonly verified = new Map<string, TokenClaims>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly activeUsers: ActiveUsers,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokenTtlSeconds = config.tokenTtlSeconds;
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
    const user = await this.activeUsers.find(claims.sub, claims.jti);
    if (!user) throw new UnauthorizedError(OGILTIG);
    return { user, claims };
  }

  /**
   * The token's claims as we issue them: uuids for user and token id, and an expiry no further
   * away than a token lives. A token signed with our secret but shaped otherwise is refused.
   */
  private verify(token: string): TokenClaims {
    const known = this.verified.get(token);
    // jsonwebtoken refuses a token from its exp second on.
    if (known && Date.now() / 1000 < known.exp) return known;
    const checked = this.verifySignatureAndShape(token);
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.clear();
    this.verified.set(token, checked);
    return checked;
  }

  private verifySignatureAndShape(token: string): TokenClaims {
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
