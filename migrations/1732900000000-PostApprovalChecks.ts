import { MigrationInterface, QueryRunner, Table, TableIndex, TableUnique } from 'typeorm';
import type { TableColumnOptions } from 'typeorm';

// 告知承诺制 事后核查: the checks departments owe after approving on a commitment.

// sqlite accepts AUTOINCREMENT only on a column typed exactly `integer`; MySQL reads it as int.
const autoId: TableColumnOptions = {
  name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment',
};
const varchar = (name: string, length: number, isNullable = false): TableColumnOptions =>
  ({ name, type: 'varchar', length: String(length), isNullable });
const datetime = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable });
const text = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'text', isNullable });

const table = (): Table => new Table({
  name: 'post_approval_checks',
  columns: [
    autoId,
    varchar('step_id', 80),
    varchar('case_id', 36),
    varchar('department_code', 32),
    varchar('matter_code', 32),
    text('items'),
    datetime('due_at'),
    varchar('status', 8),
    datetime('created_at'),
    datetime('completed_at', true),
    varchar('completed_by', 64, true),
    text('finding', true),
  ],
  uniques: [new TableUnique({ name: 'UQ_post_approval_checks_step', columnNames: ['step_id'] })],
  indices: [new TableIndex({ name: 'IDX_post_approval_checks_department_status', columnNames: ['department_code', 'status'] })],
});

export class PostApprovalChecks1732900000000 implements MigrationInterface {
  name = 'PostApprovalChecks1732900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(table(), false, true, true);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(table().name, false, true, true);
  }
}
