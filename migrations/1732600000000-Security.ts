import {
  MigrationInterface, QueryRunner, Table, TableColumn, TableIndex, TableUnique,
} from 'typeorm';
import type { TableColumnOptions } from 'typeorm';

// Accounts, scope and audit: sign-in lockout on users, the proxy agent a case is assigned to,
// the hash-chained audit log (append-only: triggers refuse UPDATE and DELETE), and the stored
// first answers of requests sent with an Idempotency-Key.

// sqlite accepts AUTOINCREMENT only on a column typed exactly `integer`; MySQL reads it as int.
const autoId: TableColumnOptions = {
  name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment',
};
const varchar = (name: string, length: number, isNullable = false): TableColumnOptions =>
  ({ name, type: 'varchar', length: String(length), isNullable });
const int = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'int', isNullable });
const datetime = (name: string, isNullable = false, precision?: number): TableColumnOptions =>
  ({ name, type: 'datetime', isNullable, ...(precision ? { precision } : {}) });
const text = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'text', isNullable });

const userColumns = (): TableColumn[] => [
  new TableColumn({ ...int('failed_logins'), default: 0 }),
  new TableColumn(datetime('locked_until', true)),
];
const caseColumns = (): TableColumn[] => [new TableColumn(int('agent_id', true))];
const CASE_AGENT_INDEX = 'IDX_cases_agent';

const tables = (): Table[] => [
  new Table({
    name: 'audit_log',
    columns: [
      autoId,
      datetime('at', false, 3),
      varchar('request_id', 64),
      int('actor_id', true),
      varchar('actor_name', 64, true),
      varchar('actor_role', 16, true),
      varchar('action', 160),
      varchar('object_type', 32, true),
      varchar('object_id', 120, true),
      varchar('outcome', 16),
      int('status'),
      text('detail', true),
      varchar('prev_hash', 64),
      varchar('hash', 64),
    ],
    // One successor per row: two writers can never fork the chain.
    uniques: [new TableUnique({ name: 'UQ_audit_log_prev_hash', columnNames: ['prev_hash'] })],
    indices: [
      new TableIndex({ name: 'IDX_audit_log_object', columnNames: ['object_type', 'object_id'] }),
      new TableIndex({ name: 'IDX_audit_log_actor', columnNames: ['actor_id'] }),
      new TableIndex({ name: 'IDX_audit_log_request', columnNames: ['request_id'] }),
    ],
  }),
  new Table({
    name: 'idempotency_keys',
    columns: [
      autoId,
      int('actor_id'),
      varchar('idem_key', 128),
      varchar('method', 8),
      varchar('path', 200),
      varchar('request_hash', 64),
      varchar('state', 12),
      int('response_status', true),
      text('response_body', true),
      datetime('created_at'),
    ],
    uniques: [new TableUnique({ name: 'UQ_idempotency_keys_actor_key', columnNames: ['actor_id', 'idem_key'] })],
  }),
];

const APPEND_ONLY_MESSAGE = 'the audit log is append-only';
const TRIGGERS = [
  { name: 'TRG_audit_log_no_update', event: 'UPDATE' },
  { name: 'TRG_audit_log_no_delete', event: 'DELETE' },
] as const;

function createTriggerSql(queryRunner: QueryRunner, name: string, event: 'UPDATE' | 'DELETE'): string {
  const type = queryRunner.connection.driver.options.type;
  if (type === 'sqljs' || type === 'sqlite' || type === 'better-sqlite3') {
    return `CREATE TRIGGER ${name} BEFORE ${event} ON audit_log BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY_MESSAGE}'); END`;
  }
  if (type === 'mysql' || type === 'mariadb') {
    return `CREATE TRIGGER ${name} BEFORE ${event} ON audit_log FOR EACH ROW `
      + `SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${APPEND_ONLY_MESSAGE}'`;
  }
  throw new Error(`no append-only trigger for database type ${type}`);
}

export class Security1732600000000 implements MigrationInterface {
  name = 'Security1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('users', userColumns());
    await queryRunner.addColumns('cases', caseColumns());
    await queryRunner.createIndex('cases', new TableIndex({ name: CASE_AGENT_INDEX, columnNames: ['agent_id'] }));
    for (const table of tables()) await queryRunner.createTable(table, false, true, true);
    for (const trigger of TRIGGERS) await queryRunner.query(createTriggerSql(queryRunner, trigger.name, trigger.event));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of TRIGGERS) await queryRunner.query(`DROP TRIGGER IF EXISTS ${trigger.name}`);
    for (const table of tables().reverse()) await queryRunner.dropTable(table.name, false, true, true);
    await queryRunner.dropIndex('cases', CASE_AGENT_INDEX);
    for (const column of caseColumns()) await queryRunner.dropColumn('cases', column.name);
    for (const column of userColumns().reverse()) await queryRunner.dropColumn('users', column.name);
  }
}
