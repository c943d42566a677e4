import {
  MigrationInterface, QueryRunner, Table, TableIndex, TableUnique,
} from 'typeorm';
import type { TableColumnOptions } from 'typeorm';

// What the supervision office (效能办) sees: per-step metric facts and their daily rollup,
// 效能投诉 complaints with a per-day counter for their numbers, 好差评 evaluations; and what keeps
// the list routes fast at 100 000 cases: list indexes, each department's view of its cases and
// the case counts behind the list totals. Table API only, so the same DDL runs
// on MySQL and sql.js; names match the entity decorators.

// sqlite accepts AUTOINCREMENT only on a column typed exactly `integer`; MySQL reads it as int.
const autoId: TableColumnOptions = {
  name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment',
};
const varchar = (name: string, length: number, isNullable = false): TableColumnOptions =>
  ({ name, type: 'varchar', length: String(length), isNullable });
const int = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'int', isNullable });
const counter = (name: string): TableColumnOptions => ({ name, type: 'int', default: 0 });
const bool = (name: string, isNullable = false): TableColumnOptions =>
  ({ name, type: 'boolean', isNullable, ...(isNullable ? {} : { default: 0 }) });
const datetime = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable });
// Milliseconds kept where instants are compared or ordered closely.
const instant = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable });
const text = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'text', isNullable });

// A function, not a constant: query runners cache and may mutate the Table objects they are given.
const tables = (): Table[] => [
  new Table({
    name: 'step_metrics',
    columns: [
      { ...varchar('step_id', 80), isPrimary: true },
      varchar('case_id', 36),
      varchar('department_code', 32),
      varchar('matter_code', 32),
      instant('accepted_at'),
      varchar('accepted_on', 10),
      int('legal_days'),
      bool('counted'),
      bool('decided'),
      instant('decided_at', true),
      varchar('outcome', 16, true),
      datetime('due_at', true),
      int('limit_days', true),
      int('working_seconds', true),
      bool('early', true),
      bool('late', true),
      { ...varchar('light', 8), default: "'green'" },
      bool('withdrawn'),
    ],
    indices: [
      new TableIndex({
        name: 'IDX_step_metrics_open_by_date',
        columnNames: ['decided', 'accepted_on', 'withdrawn', 'light', 'department_code', 'matter_code'],
      }),
      new TableIndex({ name: 'IDX_step_metrics_open_by_light', columnNames: ['decided', 'withdrawn', 'light', 'due_at', 'department_code'] }),
      new TableIndex({ name: 'IDX_step_metrics_case', columnNames: ['case_id'] }),
    ],
  }),
  new Table({
    name: 'metric_rollups',
    columns: [
      { ...varchar('accepted_on', 10), isPrimary: true },
      { ...varchar('department_code', 32), isPrimary: true },
      { ...varchar('matter_code', 32), isPrimary: true },
      counter('accepted'),
      counter('completed'),
      counter('early'),
      counter('late'),
      { name: 'working_seconds', type: 'bigint', default: 0 },
      counter('committed_days'),
      counter('legal_days'),
    ],
  }),
  new Table({
    name: 'complaints',
    columns: [
      autoId,
      varchar('number', 20),
      instant('received_at'),
      varchar('received_on', 10),
      varchar('source', 12),
      varchar('case_id', 36, true),
      varchar('department_code', 32, true),
      text('content'),
      varchar('complainant_name', 100, true),
      varchar('complainant_phone', 32, true),
      varchar('registered_by', 64, true),
      varchar('status', 12),
      datetime('deadline_at'),
      int('assignee_id', true),
      varchar('assignee_name', 64, true),
      varchar('assigned_department_code', 32, true),
      instant('assigned_at', true),
      instant('resolved_at', true),
      varchar('resolved_by', 64, true),
      text('outcome', true),
      bool('substantiated', true),
    ],
    uniques: [new TableUnique({ name: 'UQ_complaints_number', columnNames: ['number'] })],
    indices: [
      new TableIndex({ name: 'IDX_complaints_received_at', columnNames: ['received_at'] }),
      new TableIndex({ name: 'IDX_complaints_status_received_at', columnNames: ['status', 'received_at'] }),
      new TableIndex({ name: 'IDX_complaints_received_on', columnNames: ['received_on'] }),
    ],
  }),
  new Table({
    name: 'evaluations',
    columns: [
      autoId,
      varchar('case_id', 36),
      int('level'),
      text('comment', true),
      instant('created_at'),
      varchar('created_on', 10),
      varchar('follow_up_status', 8, true),
      datetime('follow_up_deadline_at', true),
      instant('follow_up_closed_at', true),
      varchar('follow_up_closed_by', 64, true),
      text('follow_up_note', true),
    ],
    uniques: [new TableUnique({ name: 'UQ_evaluations_case', columnNames: ['case_id'] })],
    indices: [
      new TableIndex({ name: 'IDX_evaluations_created_on', columnNames: ['created_on'] }),
      new TableIndex({ name: 'IDX_evaluations_follow_up', columnNames: ['follow_up_status', 'follow_up_deadline_at'] }),
    ],
  }),
  new Table({
    name: 'case_departments',
    columns: [
      { ...varchar('department_code', 32), isPrimary: true },
      { ...varchar('case_id', 36), isPrimary: true },
      datetime('submitted_at'),
      varchar('status', 24),
      varchar('light', 8),
      varchar('channel', 16),
    ],
    indices: [
      new TableIndex({ name: 'IDX_case_departments_submitted', columnNames: ['department_code', 'submitted_at', 'case_id'] }),
      new TableIndex({ name: 'IDX_case_departments_status', columnNames: ['department_code', 'status', 'submitted_at', 'case_id'] }),
      new TableIndex({ name: 'IDX_case_departments_light', columnNames: ['department_code', 'light', 'submitted_at', 'case_id'] }),
      new TableIndex({ name: 'IDX_case_departments_channel', columnNames: ['department_code', 'channel', 'submitted_at', 'case_id'] }),
    ],
  }),
  new Table({
    name: 'case_counts',
    columns: [
      { ...varchar('scope', 32), isPrimary: true },
      { ...varchar('status', 24), isPrimary: true },
      { ...varchar('light', 8), isPrimary: true },
      { ...varchar('channel', 16), isPrimary: true },
      counter('cases'),
    ],
  }),
  new Table({
    name: 'daily_counters',
    columns: [
      { ...varchar('name', 32), isPrimary: true },
      { ...varchar('day', 10), isPrimary: true },
      int('value'),
    ],
  }),
];

// List pages sort by submission, newest first, optionally filtered by one column: each filter
// gets an index that ends in the sort key, so a page reads 20 index entries instead of sorting.
// The board and the inbox count and list open steps by status and light.
const readIndexes = (): Array<{ table: string; index: TableIndex }> => [
  { table: 'cases', index: new TableIndex({ name: 'IDX_cases_submitted', columnNames: ['submitted_at', 'id'] }) },
  { table: 'cases', index: new TableIndex({ name: 'IDX_cases_status_submitted', columnNames: ['status', 'submitted_at', 'id'] }) },
  { table: 'cases', index: new TableIndex({ name: 'IDX_cases_light_submitted', columnNames: ['light', 'submitted_at', 'id'] }) },
  { table: 'cases', index: new TableIndex({ name: 'IDX_cases_channel_submitted', columnNames: ['channel', 'submitted_at', 'id'] }) },
  // Alerts: open steps by light, soonest due first.
  { table: 'steps', index: new TableIndex({ name: 'IDX_steps_status_light', columnNames: ['status', 'light', 'department_code', 'due_at'] }) },
  // The board lists the accountability records of a period.
  { table: 'accountability_records', index: new TableIndex({ name: 'IDX_accountability_records_created_at', columnNames: ['created_at'] }) },
];

export class SupervisionOffice1732700000000 implements MigrationInterface {
  name = 'SupervisionOffice1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of tables()) {
      await queryRunner.createTable(table, false, true, true);
    }
    // (status, submitted_at, id) answers everything the plain status index did.
    await queryRunner.dropIndex('cases', 'IDX_cases_status');
    for (const { table, index } of readIndexes()) {
      await queryRunner.createIndex(table, index);
    }
    // Cases projected before this migration enter the department lists and the counts; from
    // here on the case projection keeps both. Portable SQL (MySQL and SQLite).
    await queryRunner.query(`INSERT INTO case_departments (department_code, case_id, submitted_at, status, light, channel)
      SELECT DISTINCT s.department_code, c.id, c.submitted_at, c.status, c.light, c.channel FROM cases c JOIN steps s ON s.case_id = c.id`);
    await queryRunner.query(`INSERT INTO case_counts (scope, status, light, channel, cases)
      SELECT '*', status, light, channel, COUNT(*) FROM cases GROUP BY status, light, channel`);
    await queryRunner.query(`INSERT INTO case_counts (scope, status, light, channel, cases)
      SELECT department_code, status, light, channel, COUNT(*) FROM case_departments GROUP BY department_code, status, light, channel`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index } of readIndexes().reverse()) {
      await queryRunner.dropIndex(table, index.name!);
    }
    await queryRunner.createIndex('cases', new TableIndex({ name: 'IDX_cases_status', columnNames: ['status'] }));
    for (const table of tables().reverse()) {
      await queryRunner.dropTable(table.name, false, true, true);
    }
  }
}
