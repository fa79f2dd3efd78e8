import { jest } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '#platform';
import type { ActiveUsers } from './active-users.js';
import { UnauthorizedError } from '../http/application-errors.js';
import { AuthGuard } from './auth.guard.js';
import type { AuthenticatedRequest, AuthUser } from './auth-user.js';

const USER: AuthUser = {
  id: '00000000-0000-4000-8000-000000000001',
  forbundId: '00000000-0000-4000-8000-0000000000f1',
  roll: 'personal',
  systemadmin: false,
  insatser: [],
};
const JTI = '00000000-0000-4000-8000-00000000000a';
const SECRET = 'a-test-secret-of-enough-length-for-hs256';
const TTL_SECONDS = 3_600;
/** 2025-06-01T10:00:00Z in seconds. */
const NOW = 1_748_772_000;

const setup = () => {
  const jwt = new JwtService({ secret: SECRET });
  const verify = jest.spyOn(jwt, 'verify');
  /** The user behind the token, or undefined once the token is revoked or the user disabled. */
  const active: { user: AuthUser | undefined } = { user: USER };
  const activeUsers = { find: async () => active.user } as unknown as ActiveUsers;
  const guard = new AuthGuard(new Reflector(), jwt, activeUsers, {
    tokenTtlSeconds: TTL_SECONDS,
  } as AppConfig);
  const admit = (token: string): Promise<AuthenticatedRequest> => {
    const request = { headers: { authorization: `Bearer ${token}` } } as AuthenticatedRequest;
    const context = {
      getHandler: () => admit,
      getClass: () => AuthGuard,
      switchToHttp: () => ({ getRequest: () => request }),
    } as unknown as ExecutionContext;
    return guard.canActivate(context).then(() => request);
  };
  const token = (exp: number) =>
    jwt.sign({ sub: USER.id, jti: JTI, exp, iat: NOW }, { secret: SECRET });
  return { admit, token, verify, active };
};

describe('AuthGuard', () => {
  afterEach(() => jest.useRealTimers());

  it('checks a token’s signature once and admits its later requests from what it found', async () => {
    jest.useFakeTimers({ now: NOW * 1000 });
    const { admit, token, verify } = setup();
    const bearer = token(NOW + 600);

    const first = await admit(bearer);
    const second = await admit(bearer);

    expect(verify).toHaveBeenCalledTimes(1);
    for (const request of [first, second]) {
      expect(request.user).toEqual(USER);
      expect(request.token).toEqual({ sub: USER.id, jti: JTI, exp: NOW + 600 });
    }
  });

  it('refuses a token it admitted before once its exp has come', async () => {
    jest.useFakeTimers({ now: NOW * 1000 });
    const { admit, token } = setup();
    const bearer = token(NOW + 600);
    await admit(bearer);

    jest.setSystemTime((NOW + 600) * 1000);

    await expect(admit(bearer)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('checks the signature of every other token string, so an altered token is refused', async () => {
    jest.useFakeTimers({ now: NOW * 1000 });
    const { admit, token, verify } = setup();
    const bearer = token(NOW + 600);
    await admit(bearer);
    const [header, payload, signature] = bearer.split('.') as [string, string, string];
    const altered = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;

    await expect(admit(altered)).rejects.toBeInstanceOf(UnauthorizedError);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('asks for the user on every request, so a token revoked after its first use is refused', async () => {
    jest.useFakeTimers({ now: NOW * 1000 });
    const { admit, token, verify, active } = setup();
    const bearer = token(NOW + 600);
    await admit(bearer);

    active.user = undefined;

    await expect(admit(bearer)).rejects.toBeInstanceOf(UnauthorizedError);
    expect(verify).toHaveBeenCalledTimes(1);
  });
});
