import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

// Window channels. 即办件: the catalogue's `matters.instant` flag has been in the schema since the
// initial migration (default false); it now decides whether a matter gets a departmental step.
// 容缺受理: each case keeps what the applicant still owes after acceptance and by when (JSON:
// `{owed:[{code,name?,note?}], dueAt, workingDays, lapsed}`). Null: nothing was tolerated.
const deficiencyColumn = (): TableColumn => new TableColumn({ name: 'deficiency', type: 'text', isNullable: true });

export class WindowChannels1733100000000 implements MigrationInterface {
  name = 'WindowChannels1733100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('cases', deficiencyColumn());
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('cases', deficiencyColumn().name);
  }
}
