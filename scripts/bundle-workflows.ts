// `npm run build`, second step: the workflow code prebundled once at build time, so a production
// worker loads dist/workflow-bundle.js instead of running webpack at every start
// (bundleWorkflowCode, as in temporalio/samples-typescript `production/`).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { PREBUILT_WORKFLOW_BUNDLE, WORKFLOWS_PATH } from '../workers/worker';

// webpack's module-by-module report is noise in a build log; its warnings and errors are not.
const quiet = (): void => undefined;
const quietLogger = { log: quiet, trace: quiet, debug: quiet, info: quiet, warn: console.warn, error: console.error };

async function main(): Promise<void> {
  // Run from the sources (tsx), the prebuilt path is resolved against the source tree; the file
  // belongs in dist/ beside the compiled worker, whose __dirname is dist/workers.
  const out = process.argv[2] ?? path.join(__dirname, '..', 'dist', path.basename(PREBUILT_WORKFLOW_BUNDLE));
  const started = Date.now();
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(`workflow bundle: ${out} (${(code.length / 1024).toFixed(0)} KiB, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
