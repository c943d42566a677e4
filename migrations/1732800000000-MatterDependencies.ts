import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

// Matter dependencies for the 并联审批 outcome rule: the matters a matter builds on (JSON array
// of matter codes). Null: none.
const requiresColumn = (): TableColumn => new TableColumn({ name: 'requires', type: 'text', isNullable: true });

export class MatterDependencies1732800000000 implements MigrationInterface {
  name = 'MatterDependencies1732800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('matters', requiresColumn());
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('matters', requiresColumn().name);
  }
}
