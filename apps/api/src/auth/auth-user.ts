import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Roll } from '../users/user.entity.js';

/** The caller, as the auth guard found it. */
export interface AuthUser {
  readonly id: string;
  readonly forbundId: string;
  readonly roll: Roll;
  readonly systemadmin: boolean;
  readonly insatser: readonly string[];
}

export type AuthenticatedRequest = Request & {
  user?: AuthUser;
  /** The verified token's claims: its id and expiry, for logout. */
  token?: { jti: string; exp: number };
};

export const IS_PUBLIC = 'isPublic';
/** No token needed (health, the token call). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export const ROLES = 'roles';
/** Only these roles may call the route; others get 403. */
export const Roles = (...roles: Roll[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES, roles);

export const SYSTEMADMIN = 'systemadmin';
export const SystemadminOnly = (): MethodDecorator & ClassDecorator =>
  SetMetadata(SYSTEMADMIN, true);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthUser => {
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!user) throw new Error('CurrentUser used on a public route');
    return user;
  },
);
