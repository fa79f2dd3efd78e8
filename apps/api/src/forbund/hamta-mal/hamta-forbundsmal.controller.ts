import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { ApiErrors } from '../../http/api-docs.js';
import { ForbundsmalDto } from './forbundsmal.response.dto.js';
import { HamtaForbundsmalQuery } from './hamta-forbundsmal.query.js';

@ApiTags('mal')
@ApiBearerAuth()
@Controller('forbund/mal')
export class HamtaForbundsmalController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'kansli')
  @ApiOperation({
    summary: 'Förbundets mål och gruppernas mål: hela förbundets först, sedan per grupp',
  })
  @ApiOkResponse({ type: [ForbundsmalDto] })
  @ApiErrors(401, 403)
  get(@CurrentUser() user: AuthUser): Promise<ForbundsmalDto[]> {
    return this.queries.execute(new HamtaForbundsmalQuery(user));
  }
}
