// The baseline's worker process: bundles bench/baseline/workflows.ts and polls the task queue
// (TEMPORAL_ADDRESS, TASK_QUEUE). No activities, no database. SIGTERM shuts it down (the SDK's
// default shutdown signals).
import path from 'node:path';
import { NativeConnection, Worker } from '@temporalio/worker';

async function main(): Promise<void> {
  const address = process.env.TEMPORAL_ADDRESS ?? 'localhost:7233';
  const taskQueue = process.env.TASK_QUEUE ?? 'baseline';
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection, taskQueue, workflowsPath: path.join(__dirname, `workflows${path.extname(__filename)}`),
  });
  console.log(JSON.stringify({ msg: 'baseline worker running', taskQueue }));
  await worker.run();
  await connection.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
