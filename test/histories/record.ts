// `npm run histories:record -- <tag>`: records the event histories kept beside this file for the replay test: a case taken
// through the whole slice on a real dev server, and a key project through its first stage. Re-record only on purpose — a
// history that no longer replays means running cases would break.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { openDatabase } from '../../entities/data-source';
import { seedCalendar } from '../../activities/calendar-service';
import { createActivities } from '../../workers/worker';
import type { Client } from '@temporalio/client';
import type { Actor } from '../../domain/types';
import { projectWorkflow } from '../../workflows';
import {
  openStageUpdate, projectStateQuery, projectWorkflowId, stepIdFor, stepWorkflowId, submitReportUpdate,
} from '../../workflows/messages';
import { localEnvironment, uniqueId, workflowBundle } from '../support/temporal';
import { caseInput, clerk, MATTERS, PANEL_MATTERS, runApprovedCase, runReviewedCase, runToleratedCase } from '../workflows/scenarios';

const agent: Actor = { id: 40, username: 'agent1', role: 'agent', departmentCode: null };

/** A key project: registered, a progress report, its first stage applied for, approved and delivered. */
async function runProjectStage(client: Client, taskQueue: string) {
  const projectId = uniqueId('p');
  const handle = await client.workflow.start(projectWorkflow, {
    taskQueue, workflowId: projectWorkflowId(projectId),
    args: [{ projectId, code: 'XM-20261121-0001', name: '星河新能源产业园', key: true, agent, registeredBy: clerk, limitWorkingDays: 120 }],
  });
  await handle.executeUpdate(submitReportUpdate, { args: [{ actor: agent, progress: '用地材料编制中' }] });
  const input = {
    ...caseInput([MATTERS[0]]), trackingCode: 'TRACK67890', channel: 'green' as const, agent, project: { id: projectId, stage: 'landUse' as const },
  };
  await handle.executeUpdate(openStageUpdate, { args: [{ actor: clerk, stage: 'landUse', caseId: input.caseId }] });
  const { handle: kase } = await runApprovedCase(client, taskQueue, input);
  await kase.result();
  for (let i = 0; i < 100 && (await handle.query(projectStateQuery)).status !== 'engineering'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return handle;
}

async function main(): Promise<void> {
  const env = await localEnvironment();
  const db = await openDatabase({ url: 'sqljs::memory' });
  await seedCalendar(db);
  // Files are never overwritten: each recording keeps the shape of the code it ran on.
  const tag = process.argv[2] ?? 'current';
  const taskQueue = 'record-histories';
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities: createActivities(db) });
  await worker.runUntil(async () => {
    // The recorded step (the first matter's) is decided by a 会签 panel since approval panels exist.
    const { handle, input } = await runApprovedCase(env.client, taskQueue, caseInput(PANEL_MATTERS));
    await handle.result();
    const step = env.client.workflow.getHandle(stepWorkflowId(stepIdFor(input.caseId, input.matters[0].code)));
    const dir = __dirname;
    writeFileSync(path.join(dir, `case-delivered-${tag}.json`), JSON.stringify(await handle.fetchHistory(), null, 1));
    writeFileSync(path.join(dir, `step-approved-${tag}.json`), JSON.stringify(await step.fetchHistory(), null, 1));
    // Window channels: 即办件 beside an ordinary matter, accepted 容缺 and supplied in time.
    const tolerated = await runToleratedCase(env.client, taskQueue);
    await tolerated.handle.result();
    writeFileSync(path.join(dir, `case-tolerated-${tag}.json`), JSON.stringify(await tolerated.handle.fetchHistory(), null, 1));
    // Reviewers' verbs: 加签 after the assignee, 退回 to the previous signer, then the panel decides.
    const reviewed = await runReviewedCase(env.client, taskQueue);
    await reviewed.handle.result();
    writeFileSync(path.join(dir, `step-reviewed-${tag}.json`), JSON.stringify(await reviewed.step.fetchHistory(), null, 1));
    writeFileSync(path.join(dir, `case-reviewed-${tag}.json`), JSON.stringify(await reviewed.handle.fetchHistory(), null, 1));
    const project = await runProjectStage(env.client, taskQueue);
    writeFileSync(path.join(dir, `project-stage-${tag}.json`), JSON.stringify(await project.fetchHistory(), null, 1));
  });
  await env.teardown();
  await db.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
