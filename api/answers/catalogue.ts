// The catalogue, the calendar, notices, joint reviews and user accounts.
import { z } from 'zod';
import { ROLES, SUSPENSION_KINDS } from '../../domain/types';
import { APPROVAL_MODES } from '../../domain/approval-panel';
import { PROJECT_STAGE_CODES } from '../../domain/projects';
import { JOINT_REVIEW_STATUSES } from '../../domain/charts/joint-review-chart';
import { calendarDate, count, instant, page } from './common';

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
