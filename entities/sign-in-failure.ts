import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins of one account from one address. The lock that follows repeated failures holds
 * for that address only, so a stranger who knows a clerk's username cannot lock the clerk out.
 */
@Entity({ name: 'sign_in_failures' })
export class SignInFailure {
  @PrimaryColumn({ type: 'int', name: 'user_id' })
  userId!: number;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  address!: string;

  @Column({ type: 'int' })
  failures!: number;

  @Column({ type: 'datetime', precision: 3, name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'datetime', precision: 3, name: 'updated_at' })
  updatedAt!: Date;
}
