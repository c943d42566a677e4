import {
  MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex, TableUnique,
} from 'typeorm';
import type { TableColumnOptions } from 'typeorm';

// Only the Table API is used so one migration produces correct DDL for both MySQL and sql.js.
// Constraint names match the entity decorators so the metadata and the schema agree.

// sqlite accepts AUTOINCREMENT only on a column typed exactly `integer`; MySQL reads it as int.
const autoId: TableColumnOptions = {
  name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment',
};
const varchar = (name: string, length: number, isNullable = false): TableColumnOptions =>
  ({ name, type: 'varchar', length: String(length), isNullable });
const int = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'int', isNullable });
const datetime = (name: string, isNullable = false): TableColumnOptions =>
  ({ name, type: 'datetime', isNullable });
const text = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'text', isNullable });
// Table API defaults are raw SQL: string literals need their quotes.
const light: TableColumnOptions = { ...varchar('light', 8), default: "'green'" };

// A function, not a constant: query runners cache and may mutate the Table objects they are given.
const tables = (): Table[] => [
  new Table({
    name: 'departments',
    columns: [{ ...varchar('code', 32), isPrimary: true }, varchar('name', 100)],
  }),
  new Table({
    name: 'matters',
    columns: [
      { ...varchar('code', 32), isPrimary: true },
      varchar('name', 200),
      varchar('department_code', 32),
      int('legal_days'),
      int('committed_days'),
      { name: 'instant', type: 'boolean', default: 0 },
      text('special_procedures'),
    ],
    foreignKeys: [new TableForeignKey({
      name: 'FK_matters_department', columnNames: ['department_code'],
      referencedTableName: 'departments', referencedColumnNames: ['code'],
    })],
  }),
  new Table({
    name: 'matter_materials',
    columns: [
      autoId,
      varchar('matter_code', 32),
      varchar('code', 64),
      varchar('name', 200),
      { name: 'required', type: 'boolean' },
      { name: 'core', type: 'boolean' },
    ],
    uniques: [new TableUnique({ name: 'UQ_matter_materials_matter_code', columnNames: ['matter_code', 'code'] })],
    foreignKeys: [new TableForeignKey({
      name: 'FK_matter_materials_matter', columnNames: ['matter_code'],
      referencedTableName: 'matters', referencedColumnNames: ['code'], onDelete: 'CASCADE',
    })],
  }),
  new Table({
    name: 'users',
    columns: [
      autoId,
      varchar('username', 64),
      varchar('display_name', 100),
      varchar('password_hash', 100),
      varchar('role', 16),
      varchar('department_code', 32, true),
      datetime('created_at'),
    ],
    uniques: [new TableUnique({ name: 'UQ_users_username', columnNames: ['username'] })],
  }),
  new Table({
    name: 'cases',
    columns: [
      { ...varchar('id', 36), isPrimary: true },
      varchar('tracking_code', 16),
      varchar('status', 24),
      varchar('channel', 16),
      varchar('applicant_name', 100),
      varchar('applicant_phone', 32),
      varchar('applicant_id_number', 32, true),
      varchar('project_name', 200, true),
      text('matter_codes'),
      light,
      datetime('due_at', true),
      int('registered_by_id'),
      datetime('submitted_at'),
      datetime('accepted_at', true),
      datetime('decided_at', true),
      datetime('delivered_at', true),
      datetime('updated_at'),
      int('version'),
    ],
    uniques: [new TableUnique({ name: 'UQ_cases_tracking_code', columnNames: ['tracking_code'] })],
    indices: [
      new TableIndex({ name: 'IDX_cases_status', columnNames: ['status'] }),
      new TableIndex({ name: 'IDX_cases_registered_by', columnNames: ['registered_by_id'] }),
    ],
  }),
  new Table({
    name: 'steps',
    columns: [
      { ...varchar('id', 80), isPrimary: true },
      varchar('case_id', 36),
      varchar('matter_code', 32),
      varchar('department_code', 32),
      varchar('status', 16),
      int('assignee_id', true),
      varchar('assignee_name', 64, true),
      light,
      datetime('due_at', true),
      text('opinion', true),
      text('reason', true),
      text('legal_basis', true),
      datetime('decided_at', true),
      datetime('updated_at'),
      int('version'),
    ],
    indices: [
      new TableIndex({ name: 'IDX_steps_department_status', columnNames: ['department_code', 'status'] }),
      new TableIndex({ name: 'IDX_steps_case', columnNames: ['case_id'] }),
    ],
    foreignKeys: [new TableForeignKey({
      name: 'FK_steps_case', columnNames: ['case_id'],
      referencedTableName: 'cases', referencedColumnNames: ['id'],
    })],
  }),
  new Table({
    name: 'audit_events',
    columns: [
      autoId,
      varchar('workflow_id', 120),
      int('seq'),
      varchar('case_id', 36),
      varchar('step_id', 80, true),
      datetime('at'),
      varchar('action', 48),
      varchar('from_state', 24, true),
      varchar('to_state', 24),
      int('actor_id', true),
      varchar('actor_name', 64, true),
      varchar('actor_role', 16, true),
      text('detail', true),
    ],
    uniques: [new TableUnique({ name: 'UQ_audit_events_workflow_seq', columnNames: ['workflow_id', 'seq'] })],
    indices: [new TableIndex({ name: 'IDX_audit_events_case', columnNames: ['case_id'] })],
  }),
];

export class Initial1732000000000 implements MigrationInterface {
  name = 'Initial1732000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Order matters: referenced tables first.
    for (const table of tables()) {
      await queryRunner.createTable(table, false, true, true);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of tables().reverse()) {
      await queryRunner.dropTable(table.name, false, true, true);
    }
  }
}
