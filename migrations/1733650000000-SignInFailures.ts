import { MigrationInterface, QueryRunner, Table } from 'typeorm';

// Sign-in failures per account and address (entities/sign-in-failure.ts). Table API only, so the
// same DDL runs on MySQL and sql.js.
const table = (): Table => new Table({
  name: 'sign_in_failures',
  columns: [
    { name: 'user_id', type: 'int', isPrimary: true },
    { name: 'address', type: 'varchar', length: '64', isPrimary: true },
    { name: 'failures', type: 'int' },
    { name: 'locked_until', type: 'datetime', precision: 3, isNullable: true },
    { name: 'updated_at', type: 'datetime', precision: 3 },
  ],
});

export class SignInFailures1733650000000 implements MigrationInterface {
  name = 'SignInFailures1733650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(table(), true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('sign_in_failures', true);
  }
}
