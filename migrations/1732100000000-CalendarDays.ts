import { MigrationInterface, QueryRunner, Table } from 'typeorm';

// Table API only, so the same migration produces correct DDL for MySQL and sql.js.
// A function, not a constant: query runners cache and may mutate the Table objects they are given.
const calendarDays = (): Table => new Table({
  name: 'calendar_days',
  columns: [
    { name: 'date', type: 'varchar', length: '10', isPrimary: true },
    { name: 'kind', type: 'varchar', length: '8', isNullable: false },
    { name: 'name', type: 'varchar', length: '64', isNullable: false },
    { name: 'source', type: 'varchar', length: '12', isNullable: false },
    { name: 'updated_at', type: 'datetime', isNullable: false },
    { name: 'updated_by', type: 'varchar', length: '64', isNullable: true },
  ],
});

/** The working-day calendar: holidays and 调休 make-up working days, published or set by an admin. */
export class CalendarDays1732100000000 implements MigrationInterface {
  name = 'CalendarDays1732100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(calendarDays(), false);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('calendar_days', false);
  }
}
