// 电子监察 and the supervision office: alerts, 督办 orders, 效能问责 records, post-approval checks,
// complaints, ratings, rejections, metrics and the board.
import { z } from 'zod';
import { ROLES, SHOWN_STEP_STATUSES } from '../../domain/types';
import { COMPLAINT_STATUSES } from '../../domain/charts/complaint-chart';
import { CHECK_STATUSES } from '../../domain/charts/post-approval-check-chart';
import { FOLLOW_UP_STATUSES } from '../../domain/charts/follow-up-chart';
import { EVALUATION_LEVELS } from '../../domain/feedback-policy';
import { calendarDate, count, instant, page, rate, userRef } from './common';

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
