import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A token logged out before it expired; kept until it would have expired anyway. */
@Entity('revoked_token')
export class RevokedTokenRow {
  @PrimaryColumn('uuid')
  jti: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;
}
