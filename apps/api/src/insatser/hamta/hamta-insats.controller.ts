import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../../auth/auth-user.js';
import { InsatsMedArsmalDto } from '../insats.response.dto.js';
import { HamtaInsatsQuery } from './hamta-insats.query.js';

@ApiTags('insatser')
@ApiBearerAuth()
@Controller('insatser')
export class HamtaInsatsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @ApiOperation({ summary: 'En insats med dess årsmål' })
  @ApiOkResponse({ type: InsatsMedArsmalDto })
  get(
    @Param('id', ParseUUIDPipe) insatsId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<InsatsMedArsmalDto> {
    return this.queries.execute(new HamtaInsatsQuery(insatsId, user));
  }
}
