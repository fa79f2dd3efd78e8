import { Controller, HttpCode, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { ApiErrors } from '../../http/api-docs.js';
import { ImportJobb } from '../import-jobb.js';
import { OgiltigImportfilError } from '../las-fil.js';
import { type SparadFil } from '../uppladdning.js';
import { ImportFilFelInterceptor } from './import-fil.interceptor.js';
import { StartaImportQueryDto } from './starta-import.request.dto.js';

export class ImportStartadDto {
  @ApiProperty({ format: 'uuid' }) id: string;
}

@ApiTags('import')
@ApiBearerAuth()
@Controller('import')
export class StartaImportController {
  constructor(private readonly jobb: ImportJobb) {}

  @Post()
  @HttpCode(202)
  @Roles('admin')
  @UseInterceptors(ImportFilFelInterceptor, FileInterceptor('fil'))
  @ApiOperation({
    summary:
      'Starta en import av deltaganden ur en fil enligt importmallen (XLSX eller CSV). Filen kontrolleras först i sin helhet; fel filtyp, för stor fil, för många rader eller en fil som packas upp orimligt ger 400',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['fil'],
      properties: { fil: { type: 'string', format: 'binary' } },
    },
  })
  @ApiAcceptedResponse({ type: ImportStartadDto })
  @ApiErrors(400, 401, 403, 503)
  starta(
    @UploadedFile() fil: SparadFil | undefined,
    @Query() query: StartaImportQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ImportStartadDto> {
    if (!fil) throw new OgiltigImportfilError('Ingen fil skickades (multipart-fältet "fil")');
    return this.jobb.starta(fil.path, {
      forbundId: user.forbundId,
      userId: user.id,
      torrkorning: query.torrkorning === true,
      allaEllerInget: query.allaEllerInget === true,
    });
  }
}
