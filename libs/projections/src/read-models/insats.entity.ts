import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export interface ArsmalRow {
  readonly ar: number;
  readonly deltagare: number;
  readonly nyaDeltagare: number;
  readonly andelArbeteStudier: number;
}

@Entity('insats')
@Index(['forbundId', 'namn'])
export class InsatsRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'forbund_id' })
  forbundId: string;

  @Column('text')
  namn: string;

  @Column('text')
  inriktning: string;

  @Column('text')
  matmetod: string;

  @Column('text')
  startdatum: string;

  @Column('text', { nullable: true })
  slutdatum: string | null;

  @Column('text', { nullable: true })
  utforare: string | null;

  @Column('text', { nullable: true })
  malgrupp: string | null;

  @Column('boolean')
  avslutad: boolean;

  /** Årsmål by year, ascending. */
  @Column('jsonb')
  arsmal: ArsmalRow[];

  @Column('integer')
  revision: number;

  @Column('bigint')
  position: number;
}
