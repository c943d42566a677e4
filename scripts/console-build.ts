// A fresh clone's `npm start` serves the console: build it once when console/dist is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';

const ROOT = join(__dirname, '..');

export function ensureConsoleBuilt(logger: Logger): void {
  if (existsSync(join(ROOT, 'console', 'dist', 'index.html'))) return;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    logger.warn('console not built and vite is not installed (npm ci installs it); the API runs without the console');
    return;
  }
  logger.info('building the console (npm run console:build)');
  const built = spawnSync(process.execPath, [vite, 'build', 'console', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) logger.warn('the console build failed; the API runs, / explains how to build the console');
}
