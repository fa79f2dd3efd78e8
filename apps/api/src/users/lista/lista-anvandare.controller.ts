import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { PageQueryDto, type Page } from '../../http/paging.js';
import { UserDto } from '../user.response.dto.js';
import { ListaAnvandareQuery } from './lista-anvandare.query.js';

/** One page of the förbund's users, by e-mail. */
export class UserPageDto {
  @ApiProperty({ type: [UserDto] })
  items: UserDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Ange som ?cursor för nästa sida; null på sista sidan',
  })
  nextCursor: string | null;
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class ListaAnvandareController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Förbundets användare med roll och insatser, sida för sida' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() page: PageQueryDto, @CurrentUser() user: AuthUser): Promise<Page<UserDto>> {
    return this.queries.execute(
      new ListaAnvandareQuery(user.forbundId, { limit: page.limit, cursor: page.cursor }),
    );
  }
}
