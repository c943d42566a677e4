// Cases, steps and the papers the window hands out (views.ts, receipt.ts, papers/).
import { z } from 'zod';
import { CASE_STATUSES, CHANNELS, LIGHTS, ROLES, SHOWN_STEP_STATUSES } from '../../domain/types';
import { APPROVAL_MODES } from '../../domain/approval-panel';
import { PROJECT_STAGE_CODES } from '../../domain/projects';
import { PAPER_KINDS } from '../papers/papers';
import { instant, page, userRef } from './common';

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
