import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SystemadminOnly } from '../../auth/auth-user.js';
import { IdResponseDto } from '../../users/skapa/skapa-anvandare.request.dto.js';
import { ForbundRegistry } from '../forbund-registry.js';
import { SkapaForbundRequestDto } from './skapa-forbund.request.dto.js';

@ApiTags('forbund')
@ApiBearerAuth()
@Controller('forbund')
export class SkapaForbundController {
  constructor(private readonly registry: ForbundRegistry) {}

  @Post()
  @SystemadminOnly()
  @ApiOperation({ summary: 'Skapa ett nytt förbund med dess första admin (systemadmin)' })
  async create(@Body() body: SkapaForbundRequestDto): Promise<IdResponseDto> {
    return { id: await this.registry.create(body.namn, body.admin) };
  }
}
