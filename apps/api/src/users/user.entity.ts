import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const ROLLER = ['admin', 'kansli', 'personal'] as const;
export type Roll = (typeof ROLLER)[number];

@Entity('app_user')
export class UserRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'forbund_id' })
  forbundId: string;

  /** Stored lower-case; unique across förbund so login needs no tenant. */
  @Column('text', { unique: true })
  email: string;

  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Column('text')
  roll: Roll;

  /** The bootstrap admin, who may create further förbund. */
  @Column('boolean', { default: false })
  systemadmin: boolean;

  /** Insatser a `personal` user works in. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  insatser: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
