import type { Deltagande } from '#domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Current state of one deltagande, for lists and lookups. */
@Entity('deltagande')
@Index(['insatsId', 'status'])
export class DeltagandeRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'forbund_id' })
  forbundId: string;

  @Column('uuid', { name: 'insats_id' })
  insatsId: string;

  @Column('text')
  status: string;

  @Column('text', { name: 'person_id', nullable: true })
  personId: string | null;

  @Column('text', { name: 'remiss_datum', nullable: true })
  remissDatum: string | null;

  @Column('text', { name: 'inskrivning_datum', nullable: true })
  inskrivningDatum: string | null;

  @Column('text', { name: 'avslut_datum', nullable: true })
  avslutDatum: string | null;

  /** The folded domain state: the same evolve as the write side, so the two cannot drift. */
  @Column('jsonb')
  state: Deltagande;

  @Column('integer')
  revision: number;

  @Column('bigint')
  position: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
