import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { ApiErrors } from '../../http/api-docs.js';
import { PersonVault } from '../person-vault.js';

export class AtkomstQueryDto {
  @ApiPropertyOptional({ description: 'Från och med (ISO 8601); standard: för 30 dagar sedan' })
  @IsOptional()
  @IsISO8601({ strict: true })
  fran?: string;

  @ApiPropertyOptional({ description: 'Till och med (ISO 8601); standard: nu' })
  @IsOptional()
  @IsISO8601({ strict: true })
  till?: string;
}

export class AtkomstDto {
  @ApiProperty() tidpunkt: Date;
  @ApiProperty() userId: string;
  @ApiProperty({ enum: ['last', 'raderad', 'gallrad'] }) handling: string;
  @ApiPropertyOptional({ nullable: true, type: String }) deltagandeId: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

@ApiTags('personer')
@ApiBearerAuth()
@Controller('personer')
export class PersonAtkomstController {
  constructor(private readonly vault: PersonVault) {}

  @Get(':personId/atkomst')
  @Roles('admin')
  @ApiOperation({ summary: 'Vem har läst eller raderat personens uppgifter, och när' })
  @ApiOkResponse({ type: [AtkomstDto] })
  @ApiErrors(400, 401, 403, 404)
  async list(
    @Param('personId', ParseUUIDPipe) personId: string,
    @Query() query: AtkomstQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AtkomstDto[]> {
    const till = query.till ? new Date(query.till) : new Date();
    const fran = query.fran ? new Date(query.fran) : new Date(till.getTime() - 30 * DAY_MS);
    const rows = await this.vault.accessLog(personId, user.forbundId, { fran, till });
    return rows.map(({ tidpunkt, userId, handling, deltagandeId }) => ({
      tidpunkt,
      userId,
      handling,
      deltagandeId,
    }));
  }
}
