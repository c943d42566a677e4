// Shapes the project workflow hands to its projection activity. Plain JSON: recorded in
// workflow history, so fields may be added but never renamed.
import type { ProjectStatus } from '../domain/charts/project-chart';
import type { Light, TimelineEntry } from '../domain/types';

export interface ProjectProjection {
  id: string;
  code: string;
  name: string;
  key: boolean;
  status: ProjectStatus;
  agentId: number | null;
  openCaseId: string | null;
  light: Light;
  limitWorkingDays: number;
  warnAt: string | null;
  dueAt: string | null;
  /** The due instant depends on a year whose holiday schedule is not published yet. */
  provisional: boolean;
  lastReportPeriod: string | null;
  registeredById: number;
  registeredAt: string;
  completedAt: string | null;
  updatedAt: string;
}

export interface RecordProjectInput {
  workflowId: string;
  /** Monotonic per project, across continue-as-new runs. */
  version: number;
  record: ProjectProjection;
  timeline: TimelineEntry[];
}

export interface ProjectActivities {
  recordProject(input: RecordProjectInput): Promise<void>;
}
