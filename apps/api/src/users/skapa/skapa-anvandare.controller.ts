import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { InsatsAccess } from '../../insatser/insats-access.js';
import { UserAccounts } from '../user-accounts.js';
import { IdResponseDto, SkapaAnvandareRequestDto } from './skapa-anvandare.request.dto.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class SkapaAnvandareController {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly insatsAccess: InsatsAccess,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Skapa en användare i det egna förbundet' })
  async create(
    @Body() body: SkapaAnvandareRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<IdResponseDto> {
    for (const insatsId of body.insatser ?? []) {
      await this.insatsAccess.loadInForbund(insatsId, user.forbundId);
    }
    const id = await this.dataSource.transaction((tx) =>
      this.accounts.create({ ...body, forbundId: user.forbundId }, tx),
    );
    return { id };
  }
}
