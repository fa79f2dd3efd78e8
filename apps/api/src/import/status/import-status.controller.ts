import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { ApiErrors } from '../../http/api-docs.js';
import { ImportJobb, type ImportJobbStatus, type ImportStatus } from '../import-jobb.js';

export class ImportFelDto {
  @ApiProperty({ description: 'Radnumret i filen (rubrikraden är rad 1)' }) rad: number;
  @ApiProperty({ example: 'Remissdatum' }) kolumn: string;
  @ApiProperty({ example: 'Remissdatum får inte vara i framtiden' }) meddelande: string;
}

export class ImportStatusDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['koad', 'pagar', 'klar', 'misslyckad'] }) status: ImportStatus;
  @ApiProperty() torrkorning: boolean;
  @ApiProperty() allaEllerInget: boolean;
  @ApiProperty({ description: 'Datarader i filen' }) rader: number;
  @ApiProperty({ description: 'Rader som är behandlade' }) klara: number;
  @ApiProperty({ description: 'Deltaganden som skrevs' }) skrivna: number;
  @ApiProperty({ description: 'Rader som importerats tidigare (samma externa id och insats)' })
  hoppadeOver: number;
  @ApiProperty({ description: 'Händelser som skrevs (i en provkörning: som skulle skrivas)' })
  handelser: number;
  @ApiProperty({ type: [ImportFelDto], description: 'Högst 10 000 fel listas' })
  fel: ImportFelDto[];
  @ApiProperty({ description: 'Alla fel, även de utöver listan' }) felTotalt: number;
  @ApiProperty({ description: 'Rader med minst ett fel' }) raderMedFel: number;
  @ApiPropertyOptional({ nullable: true, type: String }) meddelande: string | null;
}

@ApiTags('import')
@ApiBearerAuth()
@Controller('import')
export class ImportStatusController {
  constructor(private readonly jobb: ImportJobb) {}

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Importens läge: status, antal rader och varje fel med rad och kolumn' })
  @ApiOkResponse({ type: ImportStatusDto })
  @ApiErrors(400, 401, 403, 404)
  status(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): ImportJobbStatus {
    return this.jobb.status(id, user.forbundId);
  }

  @Get(':id/fel.xlsx')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Raderna med fel som Excel, i mallens kolumner med felen markerade: rätta och ladda upp filen igen',
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiErrors(400, 401, 403, 404)
  async felfil(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.jobb.felfil(id, user.forbundId), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: 'attachment; filename="import-rader-med-fel.xlsx"',
    });
  }
}
