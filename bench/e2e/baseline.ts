// Side B of `npm run bench:e2e`: the bare-Temporal baseline (bench/baseline/) on its own dev
// server and worker process, driven with the Temporal client from this process: start the parent
// (registration), accept, claim + approve on each child, deliver. No HTTP, no database.
import { Client, Connection } from '@temporalio/client';
import { acceptUpdate, approveUpdate, baselineCaseWorkflow, baselineStepId, claimUpdate, deliverUpdate } from '../baseline/workflows';
import { startNode, startTemporal } from './processes';
import type { Side, SideOptions } from './system';
import type { Latencies } from './stats';

export async function startBaseline(options: SideOptions): Promise<Side> {
  const temporalServer = await startTemporal('B-temporal', options.cli, options.runDir);
  const taskQueue = `baseline-${process.pid}`;
  const worker = await startNode({
    name: 'B-worker', entry: 'bench/baseline/worker.ts', cwd: options.root, runDir: options.runDir,
    env: { ...process.env, TEMPORAL_ADDRESS: temporalServer.address, TASK_QUEUE: taskQueue },
    ready: async (output) => output.includes('baseline worker running'),
  });
  const connection = await Connection.connect({ address: temporalServer.address });
  const temporal = new Client({ connection });
  const caseId = (index: number) => `b${process.pid}-${index}`;
  const actor = { actor: 'bench' };

  const driveCase = async (index: number, latencies: Latencies): Promise<void> => {
    const id = caseId(index);
    const parent = await latencies.time('start', () => temporal.workflow.start(baselineCaseWorkflow, {
      taskQueue, workflowId: `baseline-case-${id}`, args: [{ caseId: id, matterCodes: options.shape.matterCodes }],
    }));
    await latencies.time('accept', () => parent.executeUpdate(acceptUpdate, { args: [actor] }));
    for (const code of options.shape.matterCodes) {
      const child = temporal.workflow.getHandle(baselineStepId(id, code));
      await latencies.time('claim', () => child.executeUpdate(claimUpdate, { args: [actor] }));
      await latencies.time('approve', () => child.executeUpdate(approveUpdate, { args: [{ ...actor, opinion: '同意' }] }));
    }
    await latencies.time('deliver', () => parent.executeUpdate(deliverUpdate, { args: [actor] }));
  };

  return {
    processes: [temporalServer, worker],
    startSeconds: { 'B-worker': worker.startSeconds },
    driveCase,
    workflowIds: (index) => [`baseline-case-${caseId(index)}`, ...options.shape.matterCodes.map((code) => baselineStepId(caseId(index), code))],
    temporal,
    stop: async () => {
      await connection.close();
      await worker.stop();
      await temporalServer.stop();
    },
  };
}
