import { Body, Controller, HttpCode, Inject, Ip, Post } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '#platform';
import { UnauthorizedError } from '../../http/application-errors.js';
import { UserRow } from '../../users/user.entity.js';
import { Public } from '../auth-user.js';
import { PasswordHasher } from '../password-hasher.js';
import { LoginRateLimit } from './login-rate-limit.js';
import { TokenRequestDto, TokenResponseDto } from './token.request.dto.js';

@ApiTags('auth')
@Controller('auth/token')
export class TokenController {
  constructor(
    @InjectRepository(UserRow) private readonly users: Repository<UserRow>,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rateLimit: LoginRateLimit,
  ) {}

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Logga in: e-post och lösenord ger en access-token' })
  async token(@Body() body: TokenRequestDto, @Ip() ip: string): Promise<TokenResponseDto> {
    const attempt = await this.rateLimit.attempt(body.email, ip);
    const user = await this.users.findOneBy({ email: body.email.toLowerCase() });
    const valid = user
      ? await this.hasher.verify(user.passwordHash, body.password)
      : await this.hasher.verifyNothing(body.password);
    if (!user || !valid) throw new UnauthorizedError('Fel e-post eller lösenord');
    await this.rateLimit.succeeded(attempt);
    const accessToken = await this.jwt.signAsync(
      { sub: user.id },
      { expiresIn: this.config.tokenTtlSeconds, jwtid: randomUUID() },
    );
    return { accessToken, expiresIn: this.config.tokenTtlSeconds };
  }
}
