import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex, TableUnique } from 'typeorm';
import type { TableColumnOptions } from 'typeorm';

// 工程建设项目 and 重点项目: the project read model and its timeline; cases belong to a project
// stage; matters belong to the stage whose form lists them.

const autoId: TableColumnOptions = {
  name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment',
};
const varchar = (name: string, length: number, isNullable = false): TableColumnOptions =>
  ({ name, type: 'varchar', length: String(length), isNullable });
const datetime = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable });
const int = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'int', isNullable });
const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean', default: false });

const projects = (): Table => new Table({
  name: 'projects',
  columns: [
    { ...varchar('id', 36), isPrimary: true },
    varchar('code', 24),
    varchar('name', 200),
    bool('is_key'),
    varchar('status', 16),
    int('agent_id', true),
    varchar('open_case_id', 36, true),
    varchar('light', 8),
    int('limit_working_days'),
    datetime('warn_at', true),
    datetime('due_at', true),
    bool('provisional'),
    varchar('last_report_period', 10, true),
    int('registered_by_id'),
    datetime('registered_at'),
    datetime('completed_at', true),
    datetime('updated_at'),
    int('version'),
  ],
  uniques: [new TableUnique({ name: 'UQ_projects_code', columnNames: ['code'] })],
  indices: [
    new TableIndex({ name: 'IDX_projects_agent', columnNames: ['agent_id'] }),
    new TableIndex({ name: 'IDX_projects_registered', columnNames: ['registered_at', 'id'] }),
  ],
});

const projectEvents = (): Table => new Table({
  name: 'project_events',
  columns: [
    autoId,
    varchar('project_id', 36),
    int('seq'),
    datetime('at'),
    varchar('action', 48),
    varchar('from_state', 24, true),
    varchar('to_state', 24),
    int('actor_id', true),
    varchar('actor_name', 64, true),
    varchar('actor_role', 16, true),
    { name: 'detail', type: 'text', isNullable: true },
  ],
  uniques: [new TableUnique({ name: 'UQ_project_events_project_seq', columnNames: ['project_id', 'seq'] })],
});

const DEMO_STAGES: Record<string, string[]> = {
  landUse: ['FGW-001', 'FGW-002', 'ZRJ-001'],
  engineering: ['ZRJ-002', 'HBJ-001'],
  construction: ['ZJJ-001'],
};

export class Projects1733200000000 implements MigrationInterface {
  name = 'Projects1733200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(projects(), false, true, true);
    await queryRunner.createTable(projectEvents(), false, true, true);
    await queryRunner.addColumns('cases', [
      new TableColumn(varchar('project_id', 36, true)),
      new TableColumn(varchar('project_stage', 16, true)),
    ]);
    await queryRunner.createIndex('cases', new TableIndex({ name: 'IDX_cases_project', columnNames: ['project_id'] }));
    await queryRunner.addColumn('matters', new TableColumn(varchar('stage', 16, true)));
    // Catalogues seeded before stages: place the demo matters on their stage's form.
    for (const [stage, codes] of Object.entries(DEMO_STAGES)) {
      await queryRunner.query(`UPDATE matters SET stage = ? WHERE code IN (${codes.map(() => '?').join(', ')})`, [stage, ...codes]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('matters', 'stage');
    await queryRunner.dropIndex('cases', 'IDX_cases_project');
    await queryRunner.dropColumns('cases', ['project_id', 'project_stage']);
    await queryRunner.dropTable('project_events', false, true, true);
    await queryRunner.dropTable('projects', false, true, true);
  }
}
