// The proxy agent's calls: my projects and their ledger (工作台帐), my cases, the materials owed
// after a 容缺 acceptance, 催办 and the half-monthly report (半月汇报).
import { api, unwrap } from '../../../lib/api';
import type { CaseSummary, CaseView, Page } from '../../../lib/types';
import type { paths } from '../../../lib/api-schema';

type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;

export interface Project {
  id: string;
  code: string;
  name: string;
  key: boolean;
  channel: string;
  status: string;
  stage: string | null;
  agent: { username: string; displayName: string } | null;
  openCaseId: string | null;
  light: string;
  limitWorkingDays: number;
  warnAt: string | null;
  dueAt: string | null;
  provisional: boolean;
  lastReportPeriod: string | null;
  registeredAt: string;
  completedAt: string | null;
}

export interface ProjectEvent {
  seq: number;
  at: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  actor: { username: string; role: string } | null;
  detail: Record<string, unknown> | null;
}

export interface LedgerStep {
  id: string;
  matterCode: string;
  departmentCode: string;
  status: string;
  light: string;
  dueAt: string | null;
  decidedAt: string | null;
  assignee: string | null;
  card: string | null;
}

export interface LedgerCase {
  id: string;
  trackingCode: string;
  status: string;
  channel: string;
  light: string;
  dueAt: string | null;
  acceptedAt: string | null;
  decidedAt: string | null;
  deliveredAt: string | null;
  steps: LedgerStep[];
  pauses: { stepId: string; action: string; at: string; actor: string | null; detail: Record<string, unknown> | null }[];
}

export interface LedgerStage {
  code: string;
  name: string;
  status: 'passed' | 'current' | 'pending' | 'closed';
  cases: LedgerCase[];
}

export interface Ledger {
  project: Project;
  stages: LedgerStage[];
  reports: { period: string; at: string; by: string | null; progress: string; problems: string | null }[];
  escalations: {
    project: ProjectEvent[];
    supervisionOrders: { id: number; caseId: string; stepId: string; departmentCode: string; status: string; openedAt: string; deadlineAt: string; closedAt: string | null }[];
    accountabilityRecords: { id: number; caseId: string; stepId: string; departmentCode: string; card: string | null; createdAt: string }[];
  };
  timeline: ProjectEvent[];
}

export type ProjectWithTimeline = Project & { timeline: ProjectEvent[] };

const path = (id: string) => ({ params: { path: { id } } });

/** The agent's projects, newest first: the first page of the largest size. */
export const getProjects = () => unwrap<Page<Project>>(api.GET('/api/projects', { params: { query: { page: 1, pageSize: 100 } } }));

export const getProject = (id: string) => unwrap<ProjectWithTimeline>(api.GET('/api/projects/{id}', path(id)));

export const getLedger = (id: string) => unwrap<Ledger>(api.GET('/api/projects/{id}/ledger', path(id)));

export const submitReport = (id: string, body: Body<'/api/projects/{id}/reports'>) =>
  unwrap<ProjectWithTimeline>(api.POST('/api/projects/{id}/reports', { ...path(id), body }));

export const getMyCases = (page: number, pageSize: number) =>
  unwrap<Page<CaseSummary & { project: { id: string; stage: string } | null }>>(api.GET('/api/cases', { params: { query: { page, pageSize } } }));

export const getCase = (id: string) => unwrap<CaseView>(api.GET('/api/cases/{id}', path(id)));

export const handInSupplements = (id: string, body: Body<'/api/cases/{id}/supplements'>) =>
  unwrap<CaseView>(api.POST('/api/cases/{id}/supplements', { ...path(id), body }));

export const urgeCase = (id: string, body: Body<'/api/cases/{id}/urge'>) =>
  unwrap<unknown>(api.POST('/api/cases/{id}/urge', { ...path(id), body }));
