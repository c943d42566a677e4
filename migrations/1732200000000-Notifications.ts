import { MigrationInterface, QueryRunner, Table, TableIndex, TableUnique } from 'typeorm';
import type { TableColumnOptions } from 'typeorm';

// Table API only, as in the initial migration, so the same DDL works on MySQL and sql.js.
// Constraint names match the decorators on entities/notification.ts.

const varchar = (name: string, length: number, isNullable = false): TableColumnOptions =>
  ({ name, type: 'varchar', length: String(length), isNullable });
// Millisecond precision: the sender compares these with a millisecond clock (see the entity).
const instant = (name: string, isNullable = false): TableColumnOptions =>
  ({ name, type: 'datetime', precision: 3, isNullable });

const notifications = (): Table => new Table({
  name: 'notifications',
  columns: [
    // sqlite accepts AUTOINCREMENT only on a column typed exactly `integer`; MySQL reads it as int.
    { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
    varchar('dedupe_key', 191),
    varchar('channel', 16),
    varchar('recipient_role', 16),
    varchar('recipient', 191),
    varchar('template', 64),
    { name: 'payload', type: 'text' },
    varchar('case_id', 36, true),
    varchar('step_id', 80, true),
    varchar('status', 12),
    { name: 'attempts', type: 'int', default: 0 },
    instant('next_attempt_at'),
    instant('locked_until', true),
    instant('sent_at', true),
    { name: 'last_error', type: 'text', isNullable: true },
    instant('created_at'),
  ],
  uniques: [new TableUnique({ name: 'UQ_notifications_dedupe_key', columnNames: ['dedupe_key'] })],
  indices: [
    new TableIndex({ name: 'IDX_notifications_status_next_attempt', columnNames: ['status', 'next_attempt_at'] }),
    new TableIndex({ name: 'IDX_notifications_case', columnNames: ['case_id'] }),
  ],
});

export class Notifications1732200000000 implements MigrationInterface {
  name = 'Notifications1732200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(notifications(), false, true, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notifications', false, true, true);
  }
}
