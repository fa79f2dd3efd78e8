import type { EventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/auth-user.js';
import { EVENT_STORE } from '../event-store/event-store.module.js';

/** The projections: running, or stopped before an event they cannot apply. */
export class ProjectionHealthDto {
  @ApiProperty({ enum: ['ok', 'stannad'] })
  status: 'ok' | 'stannad';

  @ApiPropertyOptional({ description: 'Global position of the event that cannot be applied' })
  position?: number;

  @ApiPropertyOptional({ description: 'The stream of that event' })
  streamId?: string;

  @ApiPropertyOptional({ description: 'Its type' })
  typ?: string;

  @ApiPropertyOptional({ description: 'Why it cannot be applied' })
  fel?: string;

  @ApiPropertyOptional({
    description: 'When it was recorded: the read models hold nothing recorded since',
    format: 'date-time',
  })
  sedan?: string;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] })
  status: 'ok' | 'error';

  @ApiProperty({ enum: ['up', 'down'] })
  eventStore: 'up' | 'down';

  @ApiProperty({ enum: ['up', 'down'] })
  readModels: 'up' | 'down';

  @ApiProperty({
    description: 'Position difference between the event store head and the read models',
    nullable: true,
    type: Number,
  })
  projectionLag: number | null;

  @ApiProperty({ type: ProjectionHealthDto })
  projection: ProjectionHealthDto;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Hälsa: händelselager, läsmodeller och hur långt projektionerna ligger efter',
  })
  async check(): Promise<HealthDto> {
    const head = await this.store.headPosition().catch(() => undefined);
    const projection = await this.runner.state().catch(() => undefined);
    const readModels = await this.health
      .check([() => this.database.pingCheck('readModels', { timeout: 1_000 })])
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    const result: HealthDto = {
      status: head !== undefined && readModels === 'up' && !projection?.stall ? 'ok' : 'error',
      eventStore: head === undefined ? 'down' : 'up',
      readModels,
      projectionLag:
        head === undefined
          ? null
          : Math.max(0, head - (projection?.position ?? this.runner.position)),
      projection: projection?.stall ? { status: 'stannad', ...projection.stall } : { status: 'ok' },
    };
    if (result.status !== 'ok')
      throw new ServiceUnavailableException({ message: 'Tjänsten är inte frisk', details: result });
    return result;
  }
}
