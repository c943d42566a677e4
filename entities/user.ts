import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Role } from '../domain/types';

@Entity({ name: 'users' })
@Unique('UQ_users_username', ['username'])
export class User {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'varchar', length: 100, name: 'display_name' })
  displayName!: string;

  @Column({ type: 'varchar', length: 100, name: 'password_hash' })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** Officers and leaders belong to a department; window and oversight roles do not. */
  @Column({ type: 'varchar', length: 32, name: 'department_code', nullable: true })
  departmentCode!: string | null;

  /** Failed sign-ins in a row; reset by a successful one. */
  @Column({ type: 'int', name: 'failed_logins', default: 0 })
  failedLogins!: number;

  /** Set when too many sign-ins failed in a row; sign-in is refused until then. */
  @Column({ type: 'datetime', name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  /** Deactivated by an admin: sign-in is refused (accounts are never deleted, the audit trail names them). */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  // Set by the application, not a DB default, so the migration stays portable.
  @Column({ type: 'datetime', name: 'created_at' })
  createdAt!: Date;
}
