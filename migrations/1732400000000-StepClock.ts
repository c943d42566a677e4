import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

// Step clocks (限时办结): the legal due instant kept beside the committed one for metrics, the
// limit in force (after green-channel compression and extensions), and the red card an
// accountability record leaves on the step.
const stepColumns = (): TableColumn[] => [
  new TableColumn({ name: 'legal_due_at', type: 'datetime', isNullable: true }),
  new TableColumn({ name: 'limit_days', type: 'int', isNullable: true }),
  new TableColumn({ name: 'card', type: 'varchar', length: '8', isNullable: true }),
];

export class StepClock1732400000000 implements MigrationInterface {
  name = 'StepClock1732400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('steps', stepColumns());
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of stepColumns().reverse()) await queryRunner.dropColumn('steps', column.name);
  }
}
