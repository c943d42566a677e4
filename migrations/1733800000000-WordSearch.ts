import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { insertCaseGrams } from '../activities/case-index';

// 办件查询 reads the pieces of each case's words (case_grams, domain/word-grams.ts) instead of
// every case row, filled here for the cases already projected; words too common to narrow the
// search read one narrow index (IDX_cases_words) instead of the rows. 抄送我的 finds a reader's
// copies by user or department instead of scanning every copy. Table API only, so the same DDL
// runs on MySQL and sql.js; names match the entities.

const caseGrams = (): Table => new Table({
  name: 'case_grams',
  columns: [
    { name: 'gram', type: 'varchar', length: '8', isPrimary: true },
    { name: 'case_id', type: 'varchar', length: '36', isPrimary: true },
  ],
});

const indexes = (): Array<{ table: string; index: TableIndex }> => [
  {
    table: 'cases',
    index: new TableIndex({
      name: 'IDX_cases_words',
      columnNames: ['applicant_name', 'tracking_code', 'project_id', 'status', 'light', 'channel', 'submitted_at'],
    }),
  },
  { table: 'case_copies', index: new TableIndex({ name: 'IDX_case_copies_user', columnNames: ['user_id', 'id'] }) },
  { table: 'case_copies', index: new TableIndex({ name: 'IDX_case_copies_department', columnNames: ['department_code', 'id'] }) },
];

const BACKFILL_BATCH = 1000;

export class WordSearch1733800000000 implements MigrationInterface {
  name = 'WordSearch1733800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(caseGrams(), false, true, true);
    for (const { table, index } of indexes()) await queryRunner.createIndex(table, index);
    // Cases projected before: their pieces, a batch at a time in id order.
    let after = '';
    for (;;) {
      const batch: Array<{ id: string; trackingCode: string; applicantName: string }> = await queryRunner.query(
        'SELECT id, tracking_code AS trackingCode, applicant_name AS applicantName FROM cases WHERE id > ? ORDER BY id LIMIT ?', [after, BACKFILL_BATCH],
      );
      if (batch.length === 0) break;
      await insertCaseGrams(queryRunner.manager, batch);
      after = batch[batch.length - 1].id;
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index } of indexes().reverse()) await queryRunner.dropIndex(table, index.name!);
    await queryRunner.dropTable('case_grams', false, true, true);
  }
}
