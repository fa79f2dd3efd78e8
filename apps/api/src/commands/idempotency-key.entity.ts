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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
