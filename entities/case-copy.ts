import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 抄送: a case copied to a person, or to a department (its leader and officers). A copy lets its
 * recipient read the case and nothing more.
 */
@Entity({ name: 'case_copies' })
@Index('IDX_case_copies_case', ['caseId'])
@Index('IDX_case_copies_user', ['userId', 'id'])
@Index('IDX_case_copies_department', ['departmentCode', 'id'])
export class CaseCopy {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 36, name: 'case_id' })
  caseId!: string;

  /** The person copied, or null for a department copy. */
  @Column({ type: 'int', name: 'user_id', nullable: true })
  userId!: number | null;

  /** The department copied, or null for a person. */
  @Column({ type: 'varchar', length: 32, name: 'department_code', nullable: true })
  departmentCode!: string | null;

  @Column({ type: 'varchar', length: 64, name: 'copied_by' })
  copiedBy!: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note!: string | null;

  @Column({ type: 'datetime', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
