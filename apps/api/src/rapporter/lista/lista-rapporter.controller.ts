import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth-user.js';
import { ApiErrors } from '../../http/api-docs.js';
import { NotFoundError } from '../../http/application-errors.js';
import { PageQueryDto, type Page } from '../../http/paging.js';
import { ReportGate } from '../../statistik/report-gate.js';
import { ReportRecorder, type RapportRad } from '../report-recorder.js';

export class RapportAvDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ required: false, description: 'Bara för admin' }) email?: string;
}

export class RapportPeriodDto {
  @ApiProperty({ format: 'date', example: '2025-01-01' }) fran: string;
  @ApiProperty({ format: 'date', example: '2025-12-31' }) till: string;
}

export class RapportDto {
  @ApiProperty() id: string;
  @ApiProperty() skapad: string;
  @ApiProperty({ type: RapportAvDto, description: 'Användaren som gjorde exporten' })
  av: RapportAvDto;
  @ApiProperty({ type: RapportPeriodDto }) period: RapportPeriodDto;
  @ApiProperty({ type: [String], nullable: true }) insatser: string[] | null;
  @ApiProperty() asOf: string;
  @ApiProperty() format: string;
  @ApiProperty({ type: String, nullable: true }) layout: string | null;
  @ApiProperty() skydda: boolean;
  @ApiProperty() andradSedan: boolean;
}

export class RapportPageDto {
  @ApiProperty({ type: [RapportDto] })
  items: RapportRad[];

  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

@ApiTags('rapporter')
@ApiBearerAuth()
@Controller('rapporter')
export class ListaRapporterController {
  constructor(
    private readonly recorder: ReportRecorder,
    private readonly gate: ReportGate,
  ) {}

  @Get()
  @Roles('admin', 'kansli')
  @ApiOperation({
    summary: 'Alla exporter, nyast först; andradSedan: samma rapport gjord nu har andra siffror',
  })
  @ApiOkResponse({ type: RapportPageDto })
  @ApiErrors(400, 401, 403, 503)
  list(@Query() page: PageQueryDto, @CurrentUser() user: AuthUser): Promise<Page<RapportRad>> {
    // Each row is compared with its report made now: as heavy as reports, so through the gate.
    return this.gate.run(() =>
      this.recorder.list(user, {
        limit: page.limit,
        ...(page.cursor ? { cursor: page.cursor } : {}),
      }),
    );
  }

  @Get(':id')
  @Roles('admin', 'kansli')
  @ApiOperation({ summary: 'En export, med andradSedan' })
  @ApiOkResponse({ type: RapportDto })
  @ApiErrors(400, 401, 403, 404, 503)
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<RapportRad> {
    const rad = await this.gate.run(() => this.recorder.get(user, id));
    if (!rad) throw new NotFoundError('Rapporten finns inte');
    return rad;
  }
}
