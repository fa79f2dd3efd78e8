import { Global, Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '#platform';
import { APP_CONFIG } from '../config/config.module.js';
import { UserRow } from '../users/user.entity.js';
import { ActiveUsers } from './active-users.js';
import { AuthGuard } from './auth.guard.js';
import { PasswordHasher } from './password-hasher.js';
import { LoginRateLimit } from './token/login-rate-limit.js';
import { TokenController } from './token/token.controller.js';
import { LogoutController } from './logout/logout.controller.js';
import { MeController } from './me/me.controller.js';
import { ForbundRow } from '../forbund/forbund.entity.js';
import { RevokedTokenRow } from './revoked-token.entity.js';
import { tokenSecret } from './token-secret.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([UserRow, RevokedTokenRow, ForbundRow]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject: given a string, jsonwebtoken first tries it as a PEM public key on every
        // verify, and that failed attempt was a third of a command's CPU.
        secret: createSecretKey(Buffer.from(tokenSecret(config))),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [TokenController, LogoutController, MeController],
  providers: [
    PasswordHasher,
    LoginRateLimit,
    ActiveUsers,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [PasswordHasher, ActiveUsers],
})
export class AuthModule {}
