import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

// 会签 / 或签 / 依次: a matter's approval panel (JSON `{mode, approvers}`; null: one assignee
// decides), and on each step the panel with the signatures so far, as the step workflow projects it.
const matterColumn = (): TableColumn => new TableColumn({ name: 'approval', type: 'text', isNullable: true });
const stepColumn = (): TableColumn => new TableColumn({ name: 'approval', type: 'text', isNullable: true });

export class ApprovalPanels1733000000000 implements MigrationInterface {
  name = 'ApprovalPanels1733000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('matters', matterColumn());
    await queryRunner.addColumn('steps', stepColumn());
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('steps', stepColumn().name);
    await queryRunner.dropColumn('matters', matterColumn().name);
  }
}
