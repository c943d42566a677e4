// The API's answers as the console reads them. The request side is typed from the OpenAPI
// document (api-schema.d.ts); its answers are described in prose there, so their shapes live here.

export interface Department {
  code: string;
  name: string;
}

export interface Material {
  code: string;
  name: string;
  required: boolean;
  core: boolean;
}

export interface Matter {
  code: string;
  name: string;
  departmentCode: string;
  legalDays: number;
  committedDays: number;
  instant: boolean;
  specialProcedures: string[];
  materials: Material[];
  approval: { mode: string; approvers: string[] };
}

export interface MissingMaterial {
  matterCode: string;
  code: string;
  name: string;
  core: boolean;
}

export interface Precheck {
  complete: boolean;
  missing: MissingMaterial[];
  deferrable: MissingMaterial[];
  coreMissing: MissingMaterial[];
}

export interface Approval {
  mode: 'single' | 'all' | 'any' | 'sequential';
  members: string[];
  signed: { username: string; opinion: string; at: string | null }[];
  remaining: string[];
  awaiting: string[];
}

export interface StepView {
  id: string;
  caseId: string;
  matterCode: string;
  departmentCode: string;
  status: string;
  dueAt: string | null;
  legalDueAt: string | null;
  limitDays: number | null;
  light: string;
  card: string | null;
  assignee: { id: number; username: string } | null;
  opinion: string | null;
  reason: string | null;
  legalBasis: string | null;
  decidedAt: string | null;
  approval: Approval;
  /** In the inbox: the case's channel. */
  channel?: string;
}

export interface TimelineEntry {
  at: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  stepId: string | null;
  actor: { id: number; username: string; role: string } | null;
  detail: Record<string, unknown> | null;
}

export interface CaseSummary {
  id: string;
  trackingCode: string;
  status: string;
  channel: string;
  light: string;
  dueAt: string | null;
  projectName: string | null;
  applicant: { name: string; phone: string };
  matterCodes: string[];
  submittedAt: string | null;
  acceptedAt: string | null;
  decidedAt: string | null;
  deliveredAt: string | null;
}

/** 抄送我的: a case copied to the reader, with its latest copy to them. */
export interface CopiedCase extends CaseSummary {
  copy: { at: string; by: string; note: string | null };
}

export interface Deficiency {
  owed: { code: string; name: string; note?: string }[];
  dueAt: string | null;
  [key: string]: unknown;
}

export interface CaseView extends CaseSummary {
  deficiency: Deficiency | null;
  steps: StepView[];
  timeline: TimelineEntry[];
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
