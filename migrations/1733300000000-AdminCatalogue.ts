import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

// Accounts kept by the admin: a deactivated user (active = false) can no longer sign in. Existing
// users stay active.
const activeColumn = (): TableColumn => new TableColumn({ name: 'active', type: 'boolean', default: true, isNullable: false });

export class AdminCatalogue1733300000000 implements MigrationInterface {
  name = 'AdminCatalogue1733300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('users', activeColumn());
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', activeColumn().name);
  }
}
