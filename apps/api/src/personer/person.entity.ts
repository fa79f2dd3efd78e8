import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person registered with personnummer and samtycke. Only ciphertext and a wrapped data key
 * are stored; erasure deletes the key, the blind index and the ciphertext (crypto-shredding).
 * Events and read models carry only the id.
 */
@Entity('person')
export class PersonRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'forbund_id' })
  forbundId: string;

  @Column('bytea', { name: 'blind_index', nullable: true })
  blindIndex: Buffer | null;

  @Column('bytea', { name: 'wrapped_key', nullable: true })
  wrappedKey: Buffer | null;

  @Column('bytea', { name: 'personnummer_sealed', nullable: true })
  personnummerSealed: Buffer | null;

  @Column('bytea', { name: 'namn_sealed', nullable: true })
  namnSealed: Buffer | null;

  @Column('text', { name: 'samtycke_datum' })
  samtyckeDatum: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;
}

/** Every read and erasure of a person's personal data: who, when, through which deltagande. */
@Entity('person_atkomst')
export class PersonAtkomstRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: number;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('uuid', { name: 'forbund_id' })
  forbundId: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('text')
  handling: 'last' | 'raderad' | 'gallrad';

  @Column('uuid', { name: 'deltagande_id', nullable: true })
  deltagandeId: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  tidpunkt: Date;
}
