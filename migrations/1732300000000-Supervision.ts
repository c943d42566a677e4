import {
  MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex, TableUnique,
} from 'typeorm';
import type { TableColumnOptions } from 'typeorm';

// 电子监察 supervision: 督办 orders and the immutable 效能问责 records. Tables through the Table
// API (portable DDL); the immutability triggers are the one piece of dialect-specific SQL.

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

// A function, not a constant: query runners cache and may mutate the Table objects they are given.
const tables = (): Table[] => [
  new Table({
    name: 'supervision_orders',
    columns: [
      autoId,
      varchar('order_key', 191),
      varchar('case_id', 36),
      varchar('step_id', 80),
      varchar('department_code', 32),
      varchar('matter_code', 32),
      varchar('status', 8),
      datetime('opened_at'),
      datetime('deadline_at'),
      { ...int('urge_count'), default: 0 },
      datetime('last_urged_at', true),
      datetime('closed_at', true),
      varchar('closed_by', 64, true),
      text('close_note', true),
    ],
    uniques: [new TableUnique({ name: 'UQ_supervision_orders_order_key', columnNames: ['order_key'] })],
    indices: [
      new TableIndex({ name: 'IDX_supervision_orders_status', columnNames: ['status'] }),
      new TableIndex({ name: 'IDX_supervision_orders_department', columnNames: ['department_code'] }),
    ],
  }),
  new Table({
    name: 'accountability_records',
    columns: [
      autoId,
      varchar('record_key', 191),
      int('order_id'),
      varchar('case_id', 36),
      varchar('step_id', 80),
      varchar('department_code', 32),
      varchar('card', 8),
      text('content'),
      varchar('content_hash', 64),
      datetime('created_at'),
    ],
    uniques: [new TableUnique({ name: 'UQ_accountability_records_record_key', columnNames: ['record_key'] })],
    indices: [new TableIndex({ name: 'IDX_accountability_records_department', columnNames: ['department_code'] })],
    foreignKeys: [new TableForeignKey({
      name: 'FK_accountability_records_order', columnNames: ['order_id'],
      referencedTableName: 'supervision_orders', referencedColumnNames: ['id'],
    })],
  }),
];

const IMMUTABLE_MESSAGE = 'accountability records are immutable';
const TRIGGERS = [
  { name: 'TRG_accountability_records_no_update', event: 'UPDATE' },
  { name: 'TRG_accountability_records_no_delete', event: 'DELETE' },
] as const;

/** The trigger that refuses `event` on accountability_records, in the connection's dialect. */
function createTriggerSql(queryRunner: QueryRunner, name: string, event: 'UPDATE' | 'DELETE'): string {
  const type = queryRunner.connection.driver.options.type;
  if (type === 'sqljs' || type === 'sqlite' || type === 'better-sqlite3') {
    return `CREATE TRIGGER ${name} BEFORE ${event} ON accountability_records `
      + `BEGIN SELECT RAISE(ABORT, '${IMMUTABLE_MESSAGE}'); END`;
  }
  if (type === 'mysql' || type === 'mariadb') {
    return `CREATE TRIGGER ${name} BEFORE ${event} ON accountability_records FOR EACH ROW `
      + `SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${IMMUTABLE_MESSAGE}'`;
  }
  // Refuse rather than leave the records silently mutable on an engine we have no trigger for.
  throw new Error(`no immutability trigger for database type ${type}`);
}

export class Supervision1732300000000 implements MigrationInterface {
  name = 'Supervision1732300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Order matters: supervision_orders is referenced by accountability_records.
    for (const table of tables()) {
      await queryRunner.createTable(table, false, true, true);
    }
    for (const trigger of TRIGGERS) {
      await queryRunner.query(createTriggerSql(queryRunner, trigger.name, trigger.event));
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of TRIGGERS) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${trigger.name}`);
    }
    for (const table of tables().reverse()) {
      await queryRunner.dropTable(table.name, false, true, true);
    }
  }
}
