// The JSON shapes of the 2xx answers, as zod schemas beside the views that build them. Routes
// declare them (`answer: caseView`), the OpenAPI document publishes them, the console's types are
// generated from them, and an integration test checks live answers against the document.
import { z } from 'zod';
import { CASE_STATUSES, CHANNELS, LIGHTS, ROLES, SHOWN_STEP_STATUSES, SUSPENSION_KINDS } from '../domain/types';
import { APPROVAL_MODES } from '../domain/approval-panel';
import { PROJECT_STAGE_CODES } from '../domain/projects';
import { COMPLAINT_STATUSES } from '../domain/charts/complaint-chart';
import { CHECK_STATUSES } from '../domain/charts/post-approval-check-chart';
import { PROJECT_STATUSES } from '../domain/charts/project-chart';
import { FOLLOW_UP_STATUSES } from '../domain/charts/follow-up-chart';
import { JOINT_REVIEW_STATUSES } from '../domain/charts/joint-review-chart';
import { EVALUATION_LEVELS } from '../domain/feedback-policy';
import { PAPER_KINDS } from './papers/papers';

/** An instant as every answer shows it (toShanghaiIso): ISO-8601 to the second, in Asia/Shanghai. */
export const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
  .describe('ISO-8601 instant in Asia/Shanghai, e.g. 2026-11-21T14:30:00+08:00');
/** A calendar date, `YYYY-MM-DD`. */
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('a calendar date YYYY-MM-DD');
const count = z.number().int().min(0);
/** A share between 0 and 1; null when there is nothing to divide by. */
const rate = z.number().nullable();

/** Lists answer one shape: `{items, page, pageSize, total}`. */
export const page = <T extends z.ZodType>(item: T) => z.object({
  items: z.array(item), page: z.number().int().min(1), pageSize: z.number().int().min(0), total: count,
});

const userRef = z.object({ id: z.number().int(), username: z.string().nullable() });

// ---- cases and steps (views.ts) -------------------------------------------------------------

export const approvalAnswer = z.object({
  mode: z.enum(APPROVAL_MODES),
  members: z.array(z.string()),
  signed: z.array(z.object({ username: z.string(), opinion: z.string(), at: instant.nullable() })),
  remaining: z.array(z.string()),
  awaiting: z.array(z.string()),
});

export const stepAnswer = z.object({
  id: z.string(),
  caseId: z.uuid(),
  matterCode: z.string(),
  departmentCode: z.string(),
  status: z.enum(SHOWN_STEP_STATUSES),
  dueAt: instant.nullable(),
  legalDueAt: instant.nullable(),
  limitDays: z.number().int().nullable(),
  /** null once the step ended with its case's withdrawal (status `withdrawn`). */
  light: z.enum(LIGHTS).nullable(),
  card: z.literal('red').nullable(),
  assignee: userRef.nullable(),
  opinion: z.string().nullable(),
  reason: z.string().nullable(),
  legalBasis: z.string().nullable(),
  decidedAt: instant.nullable(),
  approval: approvalAnswer,
});

/** An inbox line: the step and its case's channel. */
export const inboxAnswer = z.array(stepAnswer.extend({ channel: z.enum(CHANNELS) }));

export const timelineAnswer = z.object({
  at: instant,
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  stepId: z.string().nullable(),
  actor: z.object({ id: z.number().int(), username: z.string().nullable(), role: z.enum(ROLES).nullable() }).nullable(),
  /** Open-ended: each action records its own facts (reasons, materials, due instants, …). */
  detail: z.looseObject({}).nullable(),
});

export const caseSummaryAnswer = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  status: z.enum(CASE_STATUSES),
  channel: z.enum(CHANNELS),
  light: z.enum(LIGHTS),
  dueAt: instant.nullable(),
  projectName: z.string().nullable(),
  project: z.object({ id: z.uuid(), stage: z.enum(PROJECT_STAGE_CODES).nullable() }).nullable(),
  applicant: z.object({ name: z.string(), phone: z.string() }),
  matterCodes: z.array(z.string()),
  submittedAt: instant.nullable(),
  acceptedAt: instant.nullable(),
  decidedAt: instant.nullable(),
  deliveredAt: instant.nullable(),
});

const owedMaterial = z.object({ code: z.string(), name: z.string().optional(), note: z.string().optional() });

/** 容缺受理: what is still owed and by when. */
export const deficiencyAnswer = z.object({
  owed: z.array(owedMaterial),
  dueAt: instant.nullable(),
  workingDays: z.number().int(),
  lapsed: z.boolean(),
});

export const caseAnswer = caseSummaryAnswer.extend({
  deficiency: deficiencyAnswer.nullable(),
  steps: z.array(stepAnswer),
  timeline: z.array(timelineAnswer),
});

/** `GET /api/cases?copied=true` (抄送我的) adds the latest copy of each case to the caller. */
export const caseListAnswer = page(caseSummaryAnswer.extend({
  copy: z.object({ at: instant, by: z.string(), note: z.string().nullable() }).optional(),
}));

/** What an applicant sees with a tracking code: progress only. */
export const trackingAnswer = z.object({
  trackingCode: z.string(),
  status: z.enum(CASE_STATUSES),
  submittedAt: instant.nullable(),
  acceptedAt: instant.nullable(),
  deliveredAt: instant.nullable(),
  deficiency: deficiencyAnswer.extend({ owed: z.array(z.object({ code: z.string(), name: z.string().optional() })) }).nullable(),
  steps: z.array(z.object({ matterCode: z.string(), departmentCode: z.string(), status: z.enum(SHOWN_STEP_STATUSES), dueAt: instant.nullable() })),
});

const missingMaterial = z.object({ matterCode: z.string(), code: z.string(), name: z.string(), core: z.boolean() });

/** 材料预审. */
export const precheckAnswer = z.object({
  complete: z.boolean(),
  missing: z.array(missingMaterial),
  deferrable: z.array(missingMaterial),
  coreMissing: z.array(missingMaterial),
});

export const registeredAnswer = z.object({ id: z.uuid(), trackingCode: z.string(), status: z.enum(CASE_STATUSES), precheck: precheckAnswer });

export const urgedAnswer = z.object({ urged: z.array(z.string()) });

export const caseCopyAnswer = z.object({
  caseId: z.uuid(), usernames: z.array(z.string()), departmentCodes: z.array(z.string()), note: z.string().nullable(),
});

// ---- papers (receipt.ts, papers/) -------------------------------------------------------------

export const receiptAnswer = z.object({
  kind: z.enum(['acceptance', 'refusal']),
  title: z.string(),
  acceptanceNumber: z.string().nullable(),
  trackingCode: z.string(),
  applicant: z.string(),
  projectName: z.string().nullable(),
  issuedAt: instant.nullable(),
  issuedBy: z.string().nullable(),
  reason: z.string().nullable(),
  matters: z.array(z.object({
    code: z.string(), name: z.string(), departmentCode: z.string(), committedDays: z.number().int().nullable(), dueAt: instant.nullable(),
  })),
  materialsReceived: z.array(z.string()),
  materialsOwed: z.array(z.object({ code: z.string(), name: z.string().nullable(), note: z.string().nullable() })),
  supplementDueAt: instant.nullable(),
  howToTrack: z.string(),
});

/** A date as printed on a paper, e.g. `2026年12月7日`. */
const chineseDate = z.string().describe('a date as printed, e.g. 2026年12月7日');
const namedMaterial = z.object({ code: z.string(), name: z.string(), note: z.string().nullable() });
const paperHead = {
  title: z.string(),
  serviceCenter: z.string(),
  trackingCode: z.string(),
  trackingUrl: z.string(),
  applicant: z.string(),
  projectName: z.string().nullable(),
  issuedAt: instant.nullable(),
  issuedOn: chineseDate.nullable(),
  issuedBy: z.string().nullable(),
  matters: z.array(z.object({
    code: z.string(), name: z.string(), departmentCode: z.string(), departmentName: z.string(),
    committedDays: z.number().int().nullable(), dueAt: instant.nullable(), dueOn: chineseDate.nullable(),
  })),
};

export const paperAnswer = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('acceptance'), ...paperHead,
    acceptanceNumber: z.string().nullable(),
    materialsReceived: z.array(namedMaterial),
    materialsOwed: z.array(namedMaterial),
    supplementDueAt: instant.nullable(),
    supplementDueOn: chineseDate.nullable(),
  }),
  z.object({ kind: z.literal('refusal'), ...paperHead, reason: z.string() }),
  z.object({
    kind: z.literal('one-time-notice'), ...paperHead,
    requests: z.array(z.object({
      round: z.number().int(),
      requestedAt: instant.nullable(),
      requestedOn: chineseDate.nullable(),
      requestedBy: z.string().nullable(),
      items: z.array(namedMaterial.extend({ newlyArising: z.boolean() })),
    })),
  }),
  z.object({
    kind: z.literal('result'), ...paperHead,
    deliveredAt: instant.nullable(),
    deliveredOn: chineseDate.nullable(),
    deliveredBy: z.string().nullable(),
    decisions: z.array(z.object({
      matterCode: z.string(), matterName: z.string(), departmentName: z.string(), decision: z.string(),
      opinion: z.string().nullable(), reason: z.string().nullable(), legalBasis: z.string().nullable(), decidedOn: chineseDate.nullable(),
    })),
  }),
]);

export const paperListAnswer = page(z.object({ kind: z.enum(PAPER_KINDS), title: z.string(), issuedAt: instant.nullable(), href: z.string() }));

export const printablePage = (what: string) => z.string().describe(`${what}: a printable A4 HTML page (format=html)`);

// ---- catalogue and calendar -------------------------------------------------------------------

export const departmentAnswer = z.object({ code: z.string(), name: z.string() });

export const matterAnswer = z.object({
  code: z.string(),
  name: z.string(),
  departmentCode: z.string(),
  legalDays: z.number().int(),
  committedDays: z.number().int(),
  instant: z.boolean(),
  specialProcedures: z.array(z.enum(SUSPENSION_KINDS)),
  requires: z.array(z.string()),
  stage: z.enum(PROJECT_STAGE_CODES).nullable(),
  approval: z.object({ mode: z.enum(APPROVAL_MODES), approvers: z.array(z.string()) }),
  materials: z.array(z.object({ code: z.string(), name: z.string(), required: z.boolean(), core: z.boolean() })),
});

const dayKind = z.enum(['holiday', 'workday']);
const yearSource = z.enum(['published', 'imported', 'provisional']);

export const dueDateAnswer = z.object({
  start: calendarDate, workingDays: count, dueDate: calendarDate, dueAt: instant.nullable(), provisional: z.boolean(),
});

export const calendarYearAnswer = z.object({
  year: z.number().int(),
  source: yearSource,
  provisional: z.boolean(),
  days: z.array(z.object({ date: calendarDate, kind: dayKind, name: z.string(), source: z.enum(['published', 'imported', 'admin', 'provisional']) })),
});

export const calendarYearsAnswer = page(z.object({
  year: z.number().int(), source: yearSource, days: count, holidays: count, workdays: count,
  updatedAt: instant.nullable(), updatedBy: z.string().nullable(),
}));

export const calendarDayAnswer = z.object({
  date: calendarDate,
  kind: z.enum(['holiday', 'workday', 'weekend', 'weekday']).describe('what the day is now'),
  name: z.string().nullable(),
  working: z.boolean(),
  provisional: z.boolean(),
  source: z.enum(['published', 'imported', 'admin', 'provisional']).nullable(),
  updatedAt: instant.nullable(),
  updatedBy: z.string().nullable(),
});

// ---- notices, joint reviews, users ------------------------------------------------------------

export const noticeAnswer = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string().optional(),
  caseId: z.string().optional(),
  stepId: z.string().optional(),
  projectId: z.string().optional(),
  at: instant,
  readAt: instant.nullable(),
});

export const noticePageAnswer = page(noticeAnswer).extend({ unread: count });

export const jointReviewAnswer = z.object({
  id: z.number().int(),
  caseId: z.uuid(),
  topic: z.string(),
  heldOn: calendarDate.nullable(),
  leadDepartmentCode: z.string(),
  status: z.enum(JOINT_REVIEW_STATUSES),
  departments: z.array(z.string()),
  opinions: z.array(z.object({ departmentCode: z.string(), opinion: z.string(), recordedBy: z.string(), recordedAt: instant })),
  awaitingOpinions: z.array(z.string()),
  consolidatedOpinion: z.string().nullable(),
  convenedBy: z.string(),
  convenedAt: instant,
  concludedBy: z.string().nullable(),
  concludedAt: instant.nullable(),
  allowedEvents: z.array(z.string()),
});

export const userAnswer = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  departmentCode: z.string().nullable(),
  locked: z.boolean(),
  lockedUntil: instant.nullable(),
  active: z.boolean(),
});

// ---- 电子监察: alerts, 督办 orders, 效能问责 records (routes/supervision.ts) ---------------------

/** A 督办 order: GET /api/supervision-orders lists them, the board shows the open ones. */
export const supervisionOrderAnswer = z.object({
  id: z.number().int(),
  caseId: z.string(),
  stepId: z.string(),
  matterCode: z.string(),
  departmentCode: z.string(),
  status: z.enum(['open', 'closed']),
  openedAt: instant,
  deadlineAt: instant,
  urgeCount: count,
  lastUrgedAt: instant.nullable(),
  closedAt: instant.nullable(),
  closedBy: z.string().nullable(),
  closeNote: z.string().nullable(),
});

/** A 效能问责 record: GET /api/accountability-records lists them, the board shows the period's. */
export const accountabilityRecordAnswer = z.object({
  id: z.number().int(),
  caseId: z.string(),
  stepId: z.string(),
  departmentCode: z.string(),
  card: z.literal('red'),
  /** The recorded facts, as hashed: open-ended by design (the hash covers whatever was written). */
  content: z.looseObject({}),
  contentHash: z.string(),
  /** Recomputed on every read: false when the stored facts no longer match their hash. */
  intact: z.boolean(),
  createdAt: instant,
});

export const supervisionOrderPageAnswer = page(supervisionOrderAnswer);
export const accountabilityRecordPageAnswer = page(accountabilityRecordAnswer);

/** An open yellow or red step of a case under review. */
export const alertPageAnswer = page(z.object({
  stepId: z.string(),
  caseId: z.uuid(),
  matterCode: z.string(),
  departmentCode: z.string(),
  status: z.enum(SHOWN_STEP_STATUSES),
  light: z.enum(['yellow', 'red']),
  dueAt: instant.nullable(),
}));

// ---- projects (project-reads.ts) --------------------------------------------------------------

/** A project's timeline entry: the workflow's action with who did it and its facts. */
export const projectEventAnswer = z.object({
  seq: z.number().int(),
  at: instant,
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actor: z.object({ username: z.string(), role: z.enum(ROLES).nullable() }).nullable(),
  /** Open-ended: each action records its own facts (period, stage, case, due instants, …). */
  detail: z.looseObject({}).nullable(),
});

/** A half-month period of the progress reports, e.g. `2026-11-H2`. */
const reportPeriod = z.string().regex(/^\d{4}-\d{2}-H[12]$/).describe('a half-month, e.g. 2026-11-H2 (16th to month end)');

export const projectSummaryAnswer = z.object({
  id: z.uuid(),
  code: z.string().regex(/^XM-\d{8}-\d{4}$/),
  name: z.string(),
  key: z.boolean(),
  channel: z.enum(CHANNELS),
  status: z.enum(PROJECT_STATUSES),
  /** The stage under way; null once the project has completed or closed. */
  stage: z.enum(PROJECT_STAGE_CODES).nullable(),
  agent: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  openCaseId: z.uuid().nullable(),
  light: z.enum(LIGHTS),
  limitWorkingDays: z.number().int(),
  warnAt: instant.nullable(),
  dueAt: instant.nullable(),
  provisional: z.boolean(),
  lastReportPeriod: reportPeriod.nullable(),
  registeredAt: instant,
  completedAt: instant.nullable(),
  version: z.number().int(),
});

export const projectAnswer = projectSummaryAnswer.extend({ timeline: z.array(projectEventAnswer) });

export const projectListAnswer = page(projectSummaryAnswer);

/** 工作台帐: every stage with its cases, their steps and pauses; reports; escalations. */
export const projectLedgerAnswer = z.object({
  project: projectSummaryAnswer,
  stages: z.array(z.object({
    code: z.enum(PROJECT_STAGE_CODES),
    name: z.string(),
    status: z.enum(['passed', 'current', 'closed', 'pending']),
    cases: z.array(z.object({
      id: z.uuid(),
      trackingCode: z.string(),
      status: z.enum(CASE_STATUSES),
      channel: z.enum(CHANNELS),
      light: z.enum(LIGHTS),
      dueAt: instant.nullable(),
      acceptedAt: instant.nullable(),
      decidedAt: instant.nullable(),
      deliveredAt: instant.nullable(),
      steps: z.array(z.object({
        id: z.string(),
        matterCode: z.string(),
        departmentCode: z.string(),
        status: z.enum(SHOWN_STEP_STATUSES),
        light: z.enum(LIGHTS),
        dueAt: instant.nullable(),
        decidedAt: instant.nullable(),
        assignee: z.string().nullable(),
        card: z.literal('red').nullable(),
      })),
      /** 特别程序: each pause and restart of a step's clock. */
      pauses: z.array(z.object({
        stepId: z.string().nullable(),
        action: z.enum(['SUSPEND', 'RESUME']),
        at: instant,
        actor: z.string().nullable(),
        detail: z.looseObject({}).nullable(),
      })),
    })),
  })),
  reports: z.array(z.object({
    period: reportPeriod, at: instant, by: z.string().nullable(), progress: z.string(), problems: z.string().nullable(),
  })),
  escalations: z.object({
    /** 催报, 预警 and 超期 of the project itself. */
    project: z.array(projectEventAnswer),
    supervisionOrders: z.array(supervisionOrderAnswer.pick({
      id: true, caseId: true, stepId: true, departmentCode: true, status: true, openedAt: true, deadlineAt: true, closedAt: true,
    })),
    accountabilityRecords: z.array(accountabilityRecordAnswer.pick({
      id: true, caseId: true, stepId: true, departmentCode: true, card: true, createdAt: true,
    })),
  }),
  timeline: z.array(projectEventAnswer),
});

// ---- 告知承诺制 事后核查 (routes/post-approval-checks.ts) ------------------------------------------

export const postApprovalCheckAnswer = z.object({
  id: z.number().int(),
  stepId: z.string(),
  caseId: z.uuid(),
  departmentCode: z.string(),
  matterCode: z.string(),
  /** What the applicant committed to, as the reviewer recorded it. */
  items: z.string(),
  status: z.enum(CHECK_STATUSES),
  dueAt: instant,
  /** Open past its due instant. */
  overdue: z.boolean(),
  createdAt: instant,
  completedAt: instant.nullable(),
  completedBy: z.string().nullable(),
  finding: z.string().nullable(),
});

export const postApprovalCheckPageAnswer = page(postApprovalCheckAnswer);

// ---- the supervision office: complaints, ratings, rejections, metrics, the board ---------------

export const complaintAnswer = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  source: z.enum(['applicant', 'office']),
  receivedAt: instant,
  deadlineAt: instant,
  caseId: z.string().nullable(),
  departmentCode: z.string().nullable(),
  content: z.string(),
  complainant: z.object({ name: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  registeredBy: z.string().nullable(),
  assignee: userRef.nullable(),
  assignedDepartmentCode: z.string().nullable(),
  assignedAt: instant.nullable(),
  resolvedAt: instant.nullable(),
  resolvedBy: z.string().nullable(),
  outcome: z.string().nullable(),
  substantiated: z.boolean().nullable(),
  onTime: z.boolean().nullable(),
  overdue: z.boolean(),
  allowed: z.array(z.string()),
});

/** What the complainant learns: the number and the deadline. */
export const complaintReceiptAnswer = z.object({
  number: z.string(), status: z.enum(COMPLAINT_STATUSES), receivedAt: instant, deadlineAt: instant,
});

const complaintFigures = {
  received: count, resolved: count, resolvedOnTime: count, substantiated: count, openOverdue: count, open: count,
  resolutionRate: rate, onTimeRate: rate,
};
export const complaintFiguresAnswer = z.object({
  from: calendarDate, to: calendarDate, ...complaintFigures,
  byDepartment: z.array(z.object({ departmentCode: z.string().nullable(), ...complaintFigures })),
});

const evaluationFields = {
  level: z.number().int().min(EVALUATION_LEVELS[0]).max(EVALUATION_LEVELS[EVALUATION_LEVELS.length - 1]),
  levelName: z.string(),
  bad: z.boolean(),
  comment: z.string().nullable(),
  createdAt: instant,
};
export const evaluationAnswer = z.object({
  id: z.number().int(),
  caseId: z.uuid(),
  ...evaluationFields,
  followUp: z.object({
    status: z.enum(FOLLOW_UP_STATUSES),
    deadlineAt: instant.nullable(),
    closedAt: instant.nullable(),
    closedBy: z.string().nullable(),
    note: z.string().nullable(),
    overdue: z.boolean(),
    allowed: z.array(z.string()),
  }).nullable(),
});

/** The applicant's own rating, as filed with the tracking code. */
export const filedEvaluationAnswer = z.object({
  trackingCode: z.string(),
  ...evaluationFields,
  followUp: z.object({ status: z.enum(FOLLOW_UP_STATUSES), deadlineAt: instant.nullable() }).nullable(),
});

const ratingFigures = {
  evaluations: count, good: count, neutral: count, bad: count,
  followUpsOpen: count, followUpsClosed: count, followUpsOverdue: count,
  goodRate: rate, badRate: rate, avgLevel: z.number().nullable(),
};
export const evaluationFiguresAnswer = z.object({
  from: calendarDate, to: calendarDate, ...ratingFigures,
  byDepartment: z.array(z.object({ departmentCode: z.string(), name: z.string().nullable(), ...ratingFigures })),
});

export const rejectionsAnswer = page(z.object({
  caseId: z.uuid(),
  stepId: z.string(),
  trackingCode: z.string(),
  matterCode: z.string(),
  matterName: z.string().nullable(),
  departmentCode: z.string(),
  reason: z.string().nullable(),
  legalBasis: z.string().nullable(),
  rejectedBy: z.object({ username: z.string().nullable(), role: z.enum(ROLES).nullable() }),
  at: instant,
})).extend({ from: calendarDate, to: calendarDate });

export const metricRowAnswer = z.object({
  key: z.string(),
  name: z.string().nullable(),
  accepted: count,
  completed: count,
  completionRate: rate,
  earlyCompletionRate: rate,
  overdueRate: rate,
  avgActualWorkingDays: z.number().nullable(),
  avgCommittedDays: z.number().nullable(),
  avgLegalDays: z.number().nullable(),
  speedupRate: rate,
});

export const metricsCsv = z.string().describe(
  'UTF-8 CSV with a byte-order mark and a header row: key, name, accepted, completed, completionRate, earlyCompletionRate, '
  + 'overdueRate, avgActualWorkingDays, avgCommittedDays, avgLegalDays, speedupRate — one row per department or matter '
  + '(groupBy), the same figures as the JSON rows; an empty cell is null. Sent as an attachment metrics-<groupBy>-<from>-<to>.csv',
);

export const boardAnswer = z.object({
  period: z.object({ from: calendarDate, to: calendarDate }),
  asOf: instant,
  openSteps: z.array(z.object({ departmentCode: z.string(), green: count, yellow: count, red: count, open: count })),
  oldestOverdue: z.array(z.object({
    stepId: z.string(),
    caseId: z.string(),
    matterCode: z.string(),
    departmentCode: z.string(),
    status: z.enum(SHOWN_STEP_STATUSES),
    assignee: z.string().nullable(),
    dueAt: instant.nullable(),
    lateWorkingDays: z.number(),
    card: z.literal('red').nullable(),
  })),
  supervisionOrders: z.object({ open: count, items: z.array(supervisionOrderAnswer) }),
  accountabilityRecords: z.object({ count, items: z.array(accountabilityRecordAnswer) }),
});

export const markedAnswer = z.object({ marked: count, unread: z.literal(0) });

export const noticeStream = z.string().describe(
  'server-sent events: `retry: 5000` first; `event: unread` with data `{unread}` at once and after every change; '
  + '`event: notice` with `id:` the notice id and data a notice as GET /api/notices lists it; `: ping` comments keep the stream open',
);

// ---- public -----------------------------------------------------------------------------------

const partHealth = z.enum(['up', 'down']);

/** 200: both parts answer. */
export const healthAnswer = z.object({ status: z.literal('ok'), temporal: z.literal('up'), db: z.literal('up') });

/** 503: the same shape, naming the part (or parts) down. */
export const unhealthyAnswer = z.object({ status: z.literal('unavailable'), temporal: partHealth, db: partHealth });

/** The OpenAPI document itself: its parts are OpenAPI 3.1's, not restated here. */
export const openApiAnswer = z.looseObject({
  openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.looseObject({})),
});

export const swaggerPage = z.string().describe('the Swagger UI page for this document (a redirect to /api/docs/ without the trailing slash)');

export const prometheusText = z.string().describe('Prometheus text exposition format 0.0.4: process figures, HTTP requests and durations by route pattern, and approval_open_steps by department and light');
