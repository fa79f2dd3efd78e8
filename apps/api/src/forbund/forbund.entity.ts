import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A samordningsförbund: the tenant every insats, user and event belongs to. */
@Entity('forbund')
export class ForbundRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  namn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
