import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type Repository } from 'typeorm';
import { ActiveUsers } from '../active-users.js';
import type { AuthenticatedRequest } from '../auth-user.js';
import { RevokedTokenRow } from '../revoked-token.entity.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/logout')
export class LogoutController {
  constructor(
    @InjectRepository(RevokedTokenRow) private readonly revoked: Repository<RevokedTokenRow>,
    private readonly activeUsers: ActiveUsers,
  ) {}

  @Post()
  @HttpCode(204)
  @ApiOperation({ summary: 'Logga ut: token slutar gälla direkt' })
  @ApiNoContentResponse()
  async logout(@Req() request: AuthenticatedRequest): Promise<void> {
    const token = request.token!;
    await this.revoked.upsert({ jti: token.jti, expiresAt: new Date(token.exp * 1000) }, ['jti']);
    this.activeUsers.changed();
    // Expired tokens are refused anyway; their revocations need not be kept.
    await this.revoked.delete({ expiresAt: LessThan(new Date()) });
  }
}
