import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every event of a deltagande as it was recorded: who did what, when. */
@Entity('deltagande_historik')
@Index(['deltagandeId', 'revision'], { unique: true })
export class DeltagandeHistorikRow {
  @PrimaryColumn('bigint')
  position: number;

  @Column('uuid', { name: 'deltagande_id' })
  deltagandeId: string;

  @Column('integer')
  revision: number;

  @Column('text')
  type: string;

  @Column('jsonb')
  data: Record<string, unknown>;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('text', { name: 'user_id' })
  userId: string;
}
