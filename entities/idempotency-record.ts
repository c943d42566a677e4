import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** The first answer to a request sent with an `Idempotency-Key`, replayed to its retries. */
@Entity({ name: 'idempotency_keys' })
@Unique('UQ_idempotency_keys_actor_key', ['actorId', 'key'])
export class IdempotencyRecord {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int', name: 'actor_id' })
  actorId!: number;

  @Column({ type: 'varchar', length: 128, name: 'idem_key' })
  key!: string;

  @Column({ type: 'varchar', length: 8 })
  method!: string;

  @Column({ type: 'varchar', length: 200 })
  path!: string;

  /** SHA-256 of method, path and body: a key reused for another request is refused. */
  @Column({ type: 'varchar', length: 64, name: 'request_hash' })
  requestHash!: string;

  /** `pending` while the first request runs, then `done`. */
  @Column({ type: 'varchar', length: 12 })
  state!: 'pending' | 'done';

  @Column({ type: 'int', name: 'response_status', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'text', name: 'response_body', nullable: true })
  responseBody!: string | null;

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt!: Date;
}
