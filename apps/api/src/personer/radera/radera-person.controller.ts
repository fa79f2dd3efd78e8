import { Controller, Delete, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { ApiErrors } from '../../http/api-docs.js';
import { ForbiddenError, NotFoundError } from '../../http/application-errors.js';
import { PERSON_SAKNAS, PersonVault } from '../person-vault.js';

@ApiTags('personer')
@ApiBearerAuth()
@Controller('personer')
export class RaderaPersonController {
  constructor(
    private readonly vault: PersonVault,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Delete(':personId')
  @HttpCode(204)
  @Roles('admin', 'personal')
  @ApiOperation({
    summary: 'Radera personens personuppgifter (kryptoradering); statistiken påverkas inte',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404)
  async erase(
    @Param('personId', ParseUUIDPipe) personId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    if (!(await this.vault.exists(personId, user.forbundId)))
      throw new NotFoundError(PERSON_SAKNAS);
    if (user.roll === 'personal') {
      // Staff erase only people they work with: a deltagande in one of their insatser.
      const rows: unknown[] = await this.dataSource.query(
        'SELECT 1 FROM deltagande WHERE person_id = $1 AND insats_id = ANY($2::uuid[]) LIMIT 1',
        [personId, user.insatser],
      );
      if (rows.length === 0)
        throw new ForbiddenError('Personen har inget deltagande i dina insatser');
    }
    await this.vault.erase(personId, user.forbundId, { userId: user.id, handling: 'raderad' });
  }
}
