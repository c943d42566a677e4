import { MigrationInterface, QueryRunner, Table, TableIndex, TableUnique } from 'typeorm';
import type { TableColumnOptions } from 'typeorm';

// 消息中心. Table API only, so the same DDL runs on MySQL and sql.js; names match entities/notice.ts.

const varchar = (name: string, length: number, isNullable = false): TableColumnOptions =>
  ({ name, type: 'varchar', length: String(length), isNullable });
const instant = (name: string, isNullable = false): TableColumnOptions =>
  ({ name, type: 'datetime', precision: 3, isNullable });

const notices = (): Table => new Table({
  name: 'notices',
  columns: [
    // sqlite accepts AUTOINCREMENT only on a column typed exactly `integer`; MySQL reads it as int.
    { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
    { name: 'user_id', type: 'int' },
    varchar('dedupe_key', 191),
    varchar('kind', 64),
    varchar('title', 200),
    { name: 'body', type: 'text', isNullable: true },
    varchar('case_id', 36, true),
    varchar('step_id', 80, true),
    varchar('project_id', 36, true),
    instant('created_at'),
    instant('read_at', true),
  ],
  uniques: [new TableUnique({ name: 'UQ_notices_user_dedupe_key', columnNames: ['user_id', 'dedupe_key'] })],
  indices: [new TableIndex({ name: 'IDX_notices_user_read', columnNames: ['user_id', 'read_at', 'id'] })],
});

export class Notices1733450000000 implements MigrationInterface {
  name = 'Notices1733450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(notices(), false, true, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notices', false, true, true);
  }
}
