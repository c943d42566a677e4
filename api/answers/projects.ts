// Construction projects and key projects (project-reads.ts).
import { z } from 'zod';
import { CASE_STATUSES, CHANNELS, LIGHTS, ROLES, SHOWN_STEP_STATUSES } from '../../domain/types';
import { PROJECT_STAGE_CODES } from '../../domain/projects';
import { PROJECT_STATUSES } from '../../domain/charts/project-chart';
import { instant, page } from './common';
import { accountabilityRecordAnswer, supervisionOrderAnswer } from './supervision';

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
