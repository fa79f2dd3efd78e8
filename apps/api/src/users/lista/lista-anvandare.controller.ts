import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { UserRow } from '../user.entity.js';
import { toUserDto, UserDto } from '../user.response.dto.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class ListaAnvandareController {
  constructor(@InjectRepository(UserRow) private readonly users: Repository<UserRow>) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Förbundets användare med roll och insatser' })
  @ApiOkResponse({ type: [UserDto] })
  async list(@CurrentUser() user: AuthUser): Promise<UserDto[]> {
    const rows = await this.users.find({
      where: { forbundId: user.forbundId },
      order: { email: 'ASC' },
    });
    return rows.map(toUserDto);
  }
}
