import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex, TableUnique } from 'typeorm';
import type { TableColumnOptions } from 'typeorm';

// 联合审查 / 会商会审: meetings on a case and each department's opinion in them.

// sqlite accepts AUTOINCREMENT only on a column typed exactly `integer`; MySQL reads it as int.
const autoId: TableColumnOptions = {
  name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment',
};
const varchar = (name: string, length: number, isNullable = false): TableColumnOptions =>
  ({ name, type: 'varchar', length: String(length), isNullable });
const datetime = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable });
const text = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'text', isNullable });

const reviews = (): Table => new Table({
  name: 'joint_reviews',
  columns: [
    autoId,
    varchar('case_id', 36),
    varchar('topic', 500),
    varchar('held_on', 10, true),
    varchar('lead_department_code', 32),
    text('departments'),
    varchar('status', 12),
    { name: 'version', type: 'int' },
    varchar('convened_by', 64),
    datetime('convened_at'),
    text('consolidated_opinion', true),
    varchar('concluded_by', 64, true),
    datetime('concluded_at', true),
  ],
  indices: [new TableIndex({ name: 'IDX_joint_reviews_case', columnNames: ['case_id'] })],
});

const opinions = (): Table => new Table({
  name: 'joint_review_opinions',
  columns: [
    autoId,
    { name: 'review_id', type: 'int' },
    varchar('department_code', 32),
    text('opinion'),
    varchar('recorded_by', 64),
    datetime('recorded_at'),
  ],
  uniques: [new TableUnique({ name: 'UQ_joint_review_opinions_department', columnNames: ['review_id', 'department_code'] })],
  foreignKeys: [new TableForeignKey({
    name: 'FK_joint_review_opinions_review', columnNames: ['review_id'], referencedTableName: 'joint_reviews', referencedColumnNames: ['id'],
  })],
});

export class JointReviews1733050000000 implements MigrationInterface {
  name = 'JointReviews1733050000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(reviews(), false, true, true);
    await queryRunner.createTable(opinions(), false, true, true);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(opinions().name, false, true, true);
    await queryRunner.dropTable(reviews().name, false, true, true);
  }
}
