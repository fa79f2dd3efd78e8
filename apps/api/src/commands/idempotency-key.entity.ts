import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The first answer to a command sent with an Idempotency-Key, replayed on retries. */
@Entity('idempotency_key')
export class IdempotencyKeyRow {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @PrimaryColumn('text')
  key: string;

  /** Hash of method, path and body: the same key with another request is refused. */
  @Column('text', { name: 'request_hash' })
  requestHash: string;

  @Column('integer', { name: 'status_code', nullable: true })
  statusCode: number | null;

  @Column('jsonb', { nullable: true })
  response: unknown;

  /** The current attempt's own id; an attempt only releases or completes its own claim. */
  @Column('uuid', { nullable: true })
  claim: string | null;

  /** The process that runs the current attempt. */
  @Column('uuid', { name: 'claimed_by', nullable: true })
  claimedBy: string | null;

  /** When the current attempt began; null once released (after an error, or before 2026-12). */
  @Column('timestamptz', { name: 'claimed_at', nullable: true })
  claimedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
