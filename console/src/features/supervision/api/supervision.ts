// The supervision office's calls: the live board, 督办 orders, 效能问责 records, metrics (JSON and
// CSV), 效能投诉 and 好差评. Answers are typed here; requests come from the OpenAPI document.
import { api, unwrap } from '../../../lib/api';
import { ApiProblem } from '../../../lib/problem';
import { getSession } from '../../../lib/session';
import type { Page } from '../../../lib/types';
import type { paths } from '../../../lib/api-schema';

type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;

export interface Period {
  from: string;
  to: string;
}

export interface LightCounts {
  departmentCode: string;
  green: number;
  yellow: number;
  red: number;
  open: number;
}

export interface OverdueStep {
  stepId: string;
  caseId: string;
  matterCode: string;
  departmentCode: string;
  status: string;
  assignee: string | null;
  dueAt: string | null;
  lateWorkingDays: number | null;
  card: string | null;
}

export interface SupervisionOrder {
  id: number;
  caseId: string;
  stepId: string;
  matterCode: string;
  departmentCode: string;
  status: 'open' | 'closed';
  openedAt: string;
  deadlineAt: string;
  urgeCount: number;
  lastUrgedAt: string | null;
  closedAt: string | null;
  closedBy: string | null;
  closeNote: string | null;
}

export interface AccountabilityRecord {
  id: number;
  caseId: string;
  stepId: string;
  departmentCode: string;
  card: string | null;
  content: Record<string, unknown>;
  contentHash: string;
  intact: boolean;
  createdAt: string;
}

export interface Board {
  period: Period;
  asOf: string;
  openSteps: LightCounts[];
  oldestOverdue: OverdueStep[];
  supervisionOrders: { open: number; items: SupervisionOrder[] };
  accountabilityRecords: { count: number; items: AccountabilityRecord[] };
}

export interface AlertStep {
  stepId: string;
  caseId: string;
  matterCode: string;
  departmentCode: string;
  status: string;
  light: 'yellow' | 'red';
  dueAt: string | null;
}

export type MetricGroup = 'department' | 'matter';

export interface MetricRow {
  key: string;
  name: string | null;
  accepted: number;
  completed: number;
  completionRate: number | null;
  earlyCompletionRate: number | null;
  overdueRate: number | null;
  avgActualWorkingDays: number | null;
  avgCommittedDays: number | null;
  avgLegalDays: number | null;
  speedupRate: number | null;
}

export interface Complaint {
  id: number;
  number: string;
  status: 'received' | 'assigned' | 'resolved';
  source: string;
  receivedAt: string;
  deadlineAt: string;
  caseId: string | null;
  departmentCode: string | null;
  content: string;
  complainant: { name: string | null; phone: string | null } | null;
  registeredBy: string | null;
  assignee: { id: number; username: string | null } | null;
  assignedDepartmentCode: string | null;
  assignedAt: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  outcome: string | null;
  substantiated: boolean | null;
  onTime: boolean | null;
  overdue: boolean;
  allowed: string[];
}

export interface ComplaintFigures extends Period {
  received: number;
  resolved: number;
  open: number;
  resolutionRate: number | null;
  resolvedOnTime: number;
  onTimeRate: number | null;
  substantiated: number;
  openOverdue: number;
}

export interface Evaluation {
  id: number;
  caseId: string;
  level: number;
  levelName: string;
  bad: boolean;
  comment: string | null;
  createdAt: string;
  followUp: {
    status: 'open' | 'closed';
    deadlineAt: string | null;
    closedAt: string | null;
    closedBy: string | null;
    note: string | null;
    overdue: boolean;
    allowed: string[];
  } | null;
}

export interface EvaluationFigures extends Period {
  evaluations: number;
  good: number;
  neutral: number;
  bad: number;
  goodRate: number | null;
  badRate: number | null;
  avgLevel: number | null;
  followUpsOpen: number;
  followUpsClosed: number;
  followUpsOverdue: number;
}

const id = (value: number) => ({ params: { path: { id: value } } });

export const getBoard = (period: Period) => unwrap<Board>(api.GET('/api/board', { params: { query: { ...period, limit: 10 } } }));

/** The lists come most pressing first; a screen shows the first page of the largest size and says how many there are. */
const FIRST_PAGE = { page: 1, pageSize: 100 };

export const getAlerts = () => unwrap<Page<AlertStep>>(api.GET('/api/alerts', { params: { query: FIRST_PAGE } }));

export const getOrders = (status?: 'open' | 'closed') =>
  unwrap<Page<SupervisionOrder>>(api.GET('/api/supervision-orders', { params: { query: { ...FIRST_PAGE, ...(status ? { status } : {}) } } }));

export const urgeOrder = (order: number, body: Body<'/api/supervision-orders/{id}/urge'>) =>
  unwrap<SupervisionOrder>(api.POST('/api/supervision-orders/{id}/urge', { ...id(order), body }));

export const closeOrder = (order: number, body: Body<'/api/supervision-orders/{id}/close'>) =>
  unwrap<SupervisionOrder>(api.POST('/api/supervision-orders/{id}/close', { ...id(order), body }));

export const getAccountabilityRecords = () => unwrap<Page<AccountabilityRecord>>(api.GET('/api/accountability-records', { params: { query: FIRST_PAGE } }));

export const getMetrics = (period: Period, groupBy: MetricGroup) =>
  unwrap<MetricRow[]>(api.GET('/api/metrics', { params: { query: { ...period, groupBy } } }));

export const metricsCsvUrl = (period: Period, groupBy: MetricGroup) =>
  `/api/metrics?${new URLSearchParams({ ...period, groupBy, format: 'csv' }).toString()}`;

/** The CSV needs the bearer token, so a plain link cannot fetch it: fetch it, then save it. */
export async function downloadCsv(url: string, fileName: string): Promise<void> {
  const answer = await fetch(url, { headers: { Authorization: `Bearer ${getSession()?.token ?? ''}` } });
  if (!answer.ok) {
    const body = (await answer.json().catch(() => ({}))) as { title?: string; detail?: string };
    throw new ApiProblem({ status: answer.status, title: body.title ?? answer.statusText, detail: body.detail });
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await answer.blob());
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

export interface ComplaintFilter extends Partial<Period> {
  status?: Complaint['status'];
  page: number;
  pageSize: number;
}

export const getComplaints = (filter: ComplaintFilter) =>
  unwrap<Page<Complaint>>(api.GET('/api/complaints', { params: { query: filter } }));

export const getComplaintFigures = (period: Period) =>
  unwrap<ComplaintFigures>(api.GET('/api/complaints/figures', { params: { query: period } }));

export const registerComplaint = (body: Body<'/api/complaints'>) => unwrap<Complaint>(api.POST('/api/complaints', { body }));

export const assignComplaint = (complaint: number, body: Body<'/api/complaints/{id}/assign'>) =>
  unwrap<Complaint>(api.POST('/api/complaints/{id}/assign', { ...id(complaint), body }));

export const resolveComplaint = (complaint: number, body: Body<'/api/complaints/{id}/resolve'>) =>
  unwrap<Complaint>(api.POST('/api/complaints/{id}/resolve', { ...id(complaint), body }));

export interface EvaluationFilter extends Partial<Period> {
  level?: number;
  followUp?: 'open' | 'closed';
  page: number;
  pageSize: number;
}

export const getEvaluations = (filter: EvaluationFilter) =>
  unwrap<Page<Evaluation>>(api.GET('/api/evaluations', { params: { query: filter } }));

export const getEvaluationFigures = (period: Period) =>
  unwrap<EvaluationFigures>(api.GET('/api/evaluations/figures', { params: { query: period } }));

export const closeFollowUp = (evaluation: number, body: Body<'/api/evaluations/{id}/follow-up/close'>) =>
  unwrap<Evaluation>(api.POST('/api/evaluations/{id}/follow-up/close', { ...id(evaluation), body }));
