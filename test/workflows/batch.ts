// Many steps due in the same minute, for the escalation test and `npm run bench:timers`. Cases
// are projected directly and their step workflows started with one acceptance instant, so every
// clock starts together; no update is needed (the time-skipping server handles updates for a
// handful of workflows only).
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { createProjectionActivities } from '../../activities/projection';
import type { MatterSnapshot } from '../../domain/types';
import { stepIdFor, stepWorkflowId } from '../../workflows/messages';
import { stepWorkflow } from '../../workflows';

export interface BatchOptions {
  steps: number;
  mattersPerCase: number;
  committedDays: number;
  acceptedAt: string;
  /** Workflows started at once. */
  concurrency?: number;
}

export function batchMatters(count: number, committedDays: number): MatterSnapshot[] {
  return Array.from({ length: count }, (_, i) => ({
    code: `M-${String(i + 1).padStart(2, '0')}`,
    name: `并联事项${i + 1}`,
    departmentCode: ['fgw', 'zrj', 'zjj', 'hbj', 'scj', 'wjw'][i % 6],
    legalDays: committedDays * 2,
    committedDays,
  }));
}

/** The cases of a batch, projected as accepted and under review; start their steps with `startBatchSteps`. */
export interface ProjectedBatch {
  caseIds: string[];
  matters: MatterSnapshot[];
}

/** Projects the cases, then starts every step workflow; returns the step ids. */
export async function startBatch(client: Client, db: DataSource, taskQueue: string, options: BatchOptions): Promise<string[]> {
  return startBatchSteps(client, taskQueue, await projectBatchCases(db, options), options);
}

/**
 * Writes the batch's cases to the read model. Done before any step runs: step projections touch
 * the same counters, and a case insert racing thousands of them can lose every deadlock retry.
 */
export async function projectBatchCases(db: DataSource, options: BatchOptions): Promise<ProjectedBatch> {
  const matters = batchMatters(options.mattersPerCase, options.committedDays);
  const { projectCase } = createProjectionActivities({ db });
  const runId = Math.random().toString(36).slice(2, 8);
  const caseIds = Array.from({ length: Math.ceil(options.steps / options.mattersPerCase) }, (_, i) => `batch-${runId}-${i}`);
  for (const caseId of caseIds) {
    await projectCase({
      workflowId: `case-${caseId}`,
      version: 1,
      record: {
        id: caseId, trackingCode: caseId.slice(-16).toUpperCase(), status: 'inReview', channel: 'standard',
        applicant: { name: '批量申请人', phone: '13800000000' }, projectName: null, matterCodes: matters.map((m) => m.code),
        light: 'green', dueAt: null, registeredById: 1, submittedAt: options.acceptedAt, acceptedAt: options.acceptedAt,
        decidedAt: null, deliveredAt: null, updatedAt: options.acceptedAt,
      },
      plannedSteps: matters.map((m) => ({ id: stepIdFor(caseId, m.code), matterCode: m.code, departmentCode: m.departmentCode })),
      timeline: [],
    });
  }
  return { caseIds, matters };
}

/** Starts one step workflow per case and matter, all accepted at `options.acceptedAt`. */
export async function startBatchSteps(client: Client, taskQueue: string, { caseIds, matters }: ProjectedBatch, options: BatchOptions): Promise<string[]> {
  const starts = caseIds.flatMap((caseId) => matters.map((matter) => ({ caseId, matter })));
  const concurrency = options.concurrency ?? 100;
  const stepIds: string[] = [];
  for (let first = 0; first < starts.length; first += concurrency) {
    await Promise.all(starts.slice(first, first + concurrency).map(async ({ caseId, matter }) => {
      const stepId = stepIdFor(caseId, matter.code);
      await client.workflow.start(stepWorkflow, {
        taskQueue,
        workflowId: stepWorkflowId(stepId),
        // Thousands of timers fire in the same instant: give each task room in the queue.
        workflowTaskTimeout: '1 minute',
        args: [{ stepId, caseId, matter, channel: 'standard', acceptedAt: options.acceptedAt, limitDays: matter.committedDays, jointHandling: true }],
      });
      stepIds.push(stepId);
    }));
  }
  return stepIds;
}
