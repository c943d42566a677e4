import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import type { TableColumnOptions } from 'typeorm';

// 抄送. Table API only, so the same DDL runs on MySQL and sql.js; names match entities/case-copy.ts.

const varchar = (name: string, length: number, isNullable = false): TableColumnOptions =>
  ({ name, type: 'varchar', length: String(length), isNullable });

const caseCopies = (): Table => new Table({
  name: 'case_copies',
  columns: [
    { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
    varchar('case_id', 36),
    { name: 'user_id', type: 'int', isNullable: true },
    varchar('department_code', 32, true),
    varchar('copied_by', 64),
    varchar('note', 2000, true),
    { name: 'created_at', type: 'datetime', precision: 3 },
  ],
  indices: [new TableIndex({ name: 'IDX_case_copies_case', columnNames: ['case_id'] })],
});

export class CaseCopies1733700000000 implements MigrationInterface {
  name = 'CaseCopies1733700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(caseCopies(), false, true, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('case_copies', false, true, true);
  }
}
