import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { UserRow } from '../users/user.entity.js';
import { AuthGuard } from './auth.guard.js';
import { PasswordHasher } from './password-hasher.js';
import { TokenController } from './token/token.controller.js';
import { tokenSecret } from './token-secret.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([UserRow]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: tokenSecret(config),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [TokenController],
  providers: [PasswordHasher, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [PasswordHasher],
})
export class AuthModule {}
