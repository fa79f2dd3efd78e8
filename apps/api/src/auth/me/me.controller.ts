import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ForbundRow } from '../../forbund/forbund.entity.js';
import { UserRow } from '../../users/user.entity.js';
import { CurrentUser, type AuthUser } from '../auth-user.js';

export class MeDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['admin', 'kansli', 'personal'] }) roll: string;
  @ApiProperty() systemadmin: boolean;
  @ApiProperty({ type: Object, example: { id: '…', namn: 'Samordningsförbundet' } })
  forbund: { id: string; namn: string };
  @ApiProperty({ type: [String] }) insatser: string[];
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/me')
export class MeController {
  constructor(
    @InjectRepository(UserRow) private readonly users: Repository<UserRow>,
    @InjectRepository(ForbundRow) private readonly forbund: Repository<ForbundRow>,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Den inloggade användaren, dess roll, förbund och insatser' })
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    const row = await this.users.findOneByOrFail({ id: user.id });
    const forbund = await this.forbund.findOneByOrFail({ id: user.forbundId });
    return {
      id: row.id,
      email: row.email,
      roll: row.roll,
      systemadmin: row.systemadmin,
      forbund: { id: forbund.id, namn: forbund.namn },
      insatser: row.insatser,
    };
  }
}
