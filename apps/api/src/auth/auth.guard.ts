import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ForbiddenError, UnauthorizedError } from '../http/application-errors.js';
import type { Roll } from '../users/user.entity.js';
import { UserRow } from '../users/user.entity.js';
import { RevokedTokenRow } from './revoked-token.entity.js';
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

/** Every route needs a valid bearer token unless @Public; @Roles and @SystemadminOnly narrow it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectRepository(UserRow) private readonly users: Repository<UserRow>,
    @InjectRepository(RevokedTokenRow) private readonly revoked: Repository<RevokedTokenRow>,
  ) {}

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
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedError('Ogiltig eller utgången token');
    }
    if (!claims.jti || (await this.revoked.existsBy({ jti: claims.jti }))) {
      throw new UnauthorizedError('Ogiltig eller utgången token');
    }
    // Loaded per request so that a changed role or removed user takes effect at once.
    const row = await this.users.findOneBy({ id: claims.sub });
    if (!row) throw new UnauthorizedError('Ogiltig eller utgången token');
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
}
