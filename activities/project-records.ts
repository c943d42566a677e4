// The project workflow's projection: the `projects` row (overwritten only by a newer version)
// and its timeline (`project_events`, inserted once per seq), in one transaction.
import type { DataSource } from 'typeorm';
import { Project, ProjectEvent } from '../entities';
import { retryOnDeadlock } from '../entities/retry';
import { createAuditLog } from './audit-log';
import { auditSystemChanges, timelineColumns } from './projection';
import type { ProjectActivities, RecordProjectInput } from './project-types';

const toDate = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

export function createProjectActivities({ db }: { db: DataSource }): ProjectActivities {
  const audit = createAuditLog(db);
  return {
    async recordProject({ workflowId, version, record, timeline }: RecordProjectInput): Promise<void> {
      const row: Project = {
        ...record,
        warnAt: toDate(record.warnAt),
        dueAt: toDate(record.dueAt),
        registeredAt: new Date(record.registeredAt),
        completedAt: toDate(record.completedAt),
        updatedAt: new Date(record.updatedAt),
        version,
      };
      await retryOnDeadlock(() => db.transaction(async (manager) => {
        await manager.createQueryBuilder().insert().into(Project).orIgnore().values({ ...row }).execute();
        await manager.createQueryBuilder().update(Project).set(row).where('id = :id AND version < :version', { id: row.id, version }).execute();
        if (timeline.length === 0) return;
        await manager.createQueryBuilder().insert().into(ProjectEvent).orIgnore().values(timeline.map((entry) => ({
          projectId: record.id,
          ...timelineColumns(entry),
        })) as never).execute();
      }), { alsoRetry: ['ER_DUP_ENTRY'] });
      await auditSystemChanges(audit, workflowId, 'projects', record.id, timeline);
    },
  };
}
