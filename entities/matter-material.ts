import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Matter } from './matter';

/** 申请材料: a document an applicant hands in for a matter; core (核心) materials cannot be 容缺. */
@Entity({ name: 'matter_materials' })
@Unique('UQ_matter_materials_matter_code', ['matterCode', 'code'])
export class MatterMaterial {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 32, name: 'matter_code' })
  matterCode!: string;

  @ManyToOne(() => Matter, (matter) => matter.materials, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'matter_code', foreignKeyConstraintName: 'FK_matter_materials_matter' })
  matter?: Matter;

  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'boolean' })
  required!: boolean;

  @Column({ type: 'boolean' })
  core!: boolean;
}
