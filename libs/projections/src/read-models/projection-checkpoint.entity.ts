import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProjectionStall } from '../runner/projection-stall.js';

@Entity('projection_checkpoint')
export class ProjectionCheckpointRow {
  @PrimaryColumn('text')
  name: string;

  /** Global position of the last event applied to the read models. */
  @Column('bigint')
  position: number;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  /** The event the projections cannot apply, while they cannot; null while they run. */
  @Column('jsonb', { nullable: true })
  stall: ProjectionStall | null;
}
