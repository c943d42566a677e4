// `npm run histories:record -- <tag>`: records the event histories kept beside this file for the replay test: a case taken
// through the whole slice on a real dev server. Re-record only on purpose — a history that no
// longer replays means running cases would break.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { openDatabase } from '../../entities/data-source';
import { seedCalendar } from '../../activities/calendar-service';
import { createActivities } from '../../workers/worker';
import { stepIdFor, stepWorkflowId } from '../../workflows/messages';
import { localEnvironment, workflowBundle } from '../support/temporal';
import { runApprovedCase, runToleratedCase } from '../workflows/scenarios';

async function main(): Promise<void> {
  const env = await localEnvironment();
  const db = await openDatabase({ url: 'sqljs::memory' });
  await seedCalendar(db);
  // Files are never overwritten: each recording keeps the shape of the code it ran on.
  const tag = process.argv[2] ?? 'current';
  const taskQueue = 'record-histories';
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities: createActivities(db) });
  await worker.runUntil(async () => {
    const { handle, input } = await runApprovedCase(env.client, taskQueue);
    await handle.result();
    const step = env.client.workflow.getHandle(stepWorkflowId(stepIdFor(input.caseId, input.matters[0].code)));
    const dir = __dirname;
    writeFileSync(path.join(dir, `case-delivered-${tag}.json`), JSON.stringify(await handle.fetchHistory(), null, 1));
    writeFileSync(path.join(dir, `step-approved-${tag}.json`), JSON.stringify(await step.fetchHistory(), null, 1));
    // Window channels: 即办件 beside an ordinary matter, accepted 容缺 and supplied in time.
    const tolerated = await runToleratedCase(env.client, taskQueue);
    await tolerated.handle.result();
    writeFileSync(path.join(dir, `case-tolerated-${tag}.json`), JSON.stringify(await tolerated.handle.fetchHistory(), null, 1));
  });
  await env.teardown();
  await db.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
