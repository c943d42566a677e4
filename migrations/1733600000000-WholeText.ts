import type { MigrationInterface, QueryRunner } from 'typeorm';

// On MySQL a TEXT column holds 65,535 bytes. A long but valid request (200 supplement items with
// 420-character notes) made a timeline detail longer than that, and the projection's
// INSERT IGNORE stored it cut, so every later read of the case failed to parse it. Every column
// that keeps request text or JSON becomes MEDIUMTEXT (16 MiB), far above the body limit: what is
// accepted is stored whole. sql.js TEXT has no such bound, so this changes nothing there.
const COLUMNS: Array<[table: string, column: string, nullable: boolean]> = [
  ['accountability_records', 'content', false],
  ['audit_events', 'detail', true],
  ['audit_log', 'detail', true],
  ['cases', 'matter_codes', false],
  ['cases', 'deficiency', true],
  ['complaints', 'content', false],
  ['complaints', 'outcome', true],
  ['evaluations', 'comment', true],
  ['evaluations', 'follow_up_note', true],
  ['idempotency_keys', 'response_body', true],
  ['joint_reviews', 'departments', false],
  ['joint_reviews', 'consolidated_opinion', true],
  ['joint_review_opinions', 'opinion', false],
  ['matters', 'special_procedures', false],
  ['matters', 'requires', true],
  ['matters', 'approval', true],
  ['notifications', 'payload', false],
  ['notifications', 'last_error', true],
  ['post_approval_checks', 'items', false],
  ['post_approval_checks', 'finding', true],
  ['project_events', 'detail', true],
  ['steps', 'opinion', true],
  ['steps', 'reason', true],
  ['steps', 'legal_basis', true],
  ['steps', 'approval', true],
  ['supervision_orders', 'close_note', true],
  ['notices', 'body', true],
];

async function retype(queryRunner: QueryRunner, type: 'MEDIUMTEXT' | 'TEXT'): Promise<void> {
  if (queryRunner.connection.options.type !== 'mysql') return;
  for (const [table, column, nullable] of COLUMNS) {
    await queryRunner.query(`ALTER TABLE \`${table}\` MODIFY \`${column}\` ${type} ${nullable ? 'NULL' : 'NOT NULL'}`);
  }
}

export class WholeText1733600000000 implements MigrationInterface {
  name = 'WholeText1733600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await retype(queryRunner, 'MEDIUMTEXT');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await retype(queryRunner, 'TEXT');
  }
}
