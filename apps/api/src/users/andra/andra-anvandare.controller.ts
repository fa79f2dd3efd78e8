import { DomainError } from '#domain';
import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import type { Repository } from 'typeorm';
import { ActiveUsers } from '../../auth/active-users.js';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { ApiErrors } from '../../http/api-docs.js';
import { BadRequestError, NotFoundError } from '../../http/application-errors.js';
import { InsatsAccess } from '../../insatser/insats-access.js';
import { ROLLER, UserRow, type Roll } from '../user.entity.js';
import { MAX_INSATSER_PER_USER } from '../skapa/skapa-anvandare.request.dto.js';
import { toUserDto, UserDto } from '../user.response.dto.js';

export class AndraAnvandareRequestDto {
  @ApiPropertyOptional({ enum: ROLLER })
  @IsOptional()
  @IsIn(ROLLER)
  roll?: Roll;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_INSATSER_PER_USER,
    description: 'Insatser (id) som personal arbetar i',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INSATSER_PER_USER)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  insatser?: string[];
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class AndraAnvandareController {
  constructor(
    @InjectRepository(UserRow) private readonly users: Repository<UserRow>,
    private readonly insatsAccess: InsatsAccess,
    private readonly activeUsers: ActiveUsers,
  ) {}

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Ändra en användares roll eller insatser' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 401, 403, 404, 422)
  async change(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AndraAnvandareRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<UserDto> {
    if (body.roll === undefined && body.insatser === undefined) {
      throw new BadRequestError('Ange minst ett fält att ändra: roll eller insatser', [
        { field: 'roll', errors: ['ange roll eller insatser'] },
        { field: 'insatser', errors: ['ange roll eller insatser'] },
      ]);
    }
    const row = await this.users.findOneBy({ id, forbundId: user.forbundId });
    if (!row) throw new NotFoundError('Användaren finns inte');
    if (row.id === user.id && body.roll && body.roll !== 'admin') {
      // Otherwise the last admin could lock the förbund out of its own administration.
      throw new DomainError('ANVANDARE.EGEN_ADMINROLL', 'Du kan inte ta bort din egen admin-roll');
    }
    for (const insatsId of body.insatser ?? []) {
      await this.insatsAccess.loadInForbund(insatsId, user.forbundId);
    }
    await this.users.update(
      { id },
      {
        ...(body.roll ? { roll: body.roll } : {}),
        ...(body.insatser ? { insatser: body.insatser } : {}),
      },
    );
    this.activeUsers.changed();
    return toUserDto(await this.users.findOneByOrFail({ id }));
  }
}
