import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 部门: a reviewing department of the service center. */
@Entity({ name: 'departments' })
export class Department {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;
}
