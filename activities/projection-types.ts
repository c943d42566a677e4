// Shapes the workflows hand to the projection activities. Plain JSON: they are recorded in
// workflow history, so fields may be added but never renamed.
import type { ProjectStage } from '../domain/projects';
import type { StepApproval } from '../domain/approval-panel';
import type { CaseDeficiency } from '../domain/deficiency';
import type { Applicant, CaseStatus, Channel, Light, StepStatus, TimelineEntry } from '../domain/types';

export type { CaseDeficiency } from '../domain/deficiency';

export interface CaseProjection {
  id: string;
  trackingCode: string;
  status: CaseStatus;
  channel: Channel;
  applicant: Applicant;
  projectName: string | null;
  matterCodes: string[];
  light: Light;
  dueAt: string | null;
  registeredById: number;
  /** Absent in histories recorded before agents were assigned. */
  agentId?: number | null;
  /** The project stage this case applies for (absent outside staged projects). */
  project?: { id: string; stage: ProjectStage } | null;
  submittedAt: string;
  acceptedAt: string | null;
  decidedAt: string | null;
  deliveredAt: string | null;
  updatedAt: string;
  /** Only in cases accepted with materials owed (容缺). */
  deficiency?: CaseDeficiency;
}

export interface PlannedStep {
  id: string;
  matterCode: string;
  departmentCode: string;
}

export interface ProjectCaseInput {
  workflowId: string;
  /** Monotonic per workflow: a row is only overwritten by a higher version. */
  version: number;
  record: CaseProjection;
  plannedSteps: PlannedStep[];
  timeline: TimelineEntry[];
}

export interface StepProjection {
  id: string;
  caseId: string;
  matterCode: string;
  departmentCode: string;
  status: StepStatus;
  assigneeId: number | null;
  assigneeName: string | null;
  light: Light;
  dueAt: string | null;
  opinion: string | null;
  reason: string | null;
  legalBasis: string | null;
  decidedAt: string | null;
  updatedAt: string;
  /** Added with step clocks; absent in projections recorded before them. */
  legalDueAt?: string | null;
  limitDays?: number | null;
  card?: 'red' | null;
  /** 会签 / 或签 / 依次: the panel and who has signed; absent on single-assignee steps. */
  approval?: StepApproval;
}

export interface ProjectStepInput {
  workflowId: string;
  version: number;
  record: StepProjection;
  timeline: TimelineEntry[];
}

export interface ProjectionActivities {
  projectCase(input: ProjectCaseInput): Promise<void>;
  projectStep(input: ProjectStepInput): Promise<void>;
}
