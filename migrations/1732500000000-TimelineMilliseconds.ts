import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

// Timeline instants keep milliseconds: several events of one case often fall in the same second
// (acceptance and dispatch, an approval and the case's conclusion), and the timeline must read
// in the order they happened.
export class TimelineMilliseconds1732500000000 implements MigrationInterface {
  name = 'TimelineMilliseconds1732500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn('audit_events', 'at', new TableColumn({ name: 'at', type: 'datetime', precision: 3 }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn('audit_events', 'at', new TableColumn({ name: 'at', type: 'datetime' }));
  }
}
