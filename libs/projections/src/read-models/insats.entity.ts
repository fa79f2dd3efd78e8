import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export interface ArsmalRow {
  readonly ar: number;
  /** A part never set is absent. */
  readonly deltagare?: number;
  readonly nyaDeltagare?: number;
  readonly andelArbeteStudier?: number;
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

  /** The program or project of several insatser it belongs to. */
  @Column('text', { nullable: true })
  grupp: string | null;

  /** The förbund's own place for it in lists and tables (then namn); null sorts last. */
  @Column('integer', { nullable: true })
  ordning: number | null;

  @Column('boolean')
  avslutad: boolean;

  /** Årsmål by year, ascending. */
  @Column('jsonb')
  arsmal: ArsmalRow[];

  /** When the insats was recorded: an as-of report leaves out insatser created later. */
  @Column('timestamptz', { nullable: true })
  skapad: Date | null;

  @Column('integer')
  revision: number;

  @Column('bigint')
  position: number;
}
