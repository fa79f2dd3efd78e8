import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('projection_checkpoint')
export class ProjectionCheckpointRow {
  @PrimaryColumn('text')
  name: string;

  /** Global position of the last event applied to the read models. */
  @Column('bigint')
  position: number;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
