// `npm run chaos [-- --cases N --clients C --worker-kills N --temporal-kills N --api-kills N]`:
// the kill -9 experiment on MySQL. Temporal, a worker and the API run as separate processes while
// clients drive cases through registration, acceptance, two departments' claims and approvals and
// delivery, retrying like real clients; the worker, the Temporal server and the API are killed and
// restarted meanwhile. Prints the figures and exits with 1 when any that must be zero is not.
import { parseArgs } from 'node:util';
import { runChaos, zeroFigures, type ChaosResult } from './chaos/run';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '300' },
    clients: { type: 'string', default: '30' },
    'worker-kills': { type: 'string', default: '10' },
    'temporal-kills': { type: 'string', default: '2' },
    'api-kills': { type: 'string', default: '2' },
    'pause-ms': { type: 'string', default: '2000' },
    'case-deadline-minutes': { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
  },
});

const count = (name: keyof typeof values): number => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer`);
  return value;
};

function report(result: ChaosResult): boolean {
  const { findings, faults, stats } = result;
  const fired = (role: string) => `${faults.filter((f) => f.role === role && f.firedAt).length}/${faults.filter((f) => f.role === role).length}`;
  const down = (role: string) => {
    const times = faults.filter((f) => f.role === role && f.downMs !== undefined).map((f) => f.downMs! / 1000);
    return times.length ? `${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)} s` : '–';
  };
  const zeros = zeroFigures(findings);
  const rows: Array<[string, string | number]> = [
    ['started · cores · MySQL', `${result.machine.startedAt.slice(0, 16)}Z · ${result.machine.cores} · ${result.machine.mysql}`],
    ['cases driven / delivered', `${result.runs.length} / ${findings.figures.casesDelivered}`],
    ['kill -9 worker (fired/planned, down)', `${fired('worker')}, ${down('worker')}`],
    ['kill -9 Temporal dev server', `${fired('temporal')}, ${down('temporal')}`],
    ['kill -9 API', `${fired('api')}, ${down('api')}`],
    ['writes in flight at the API kills', faults.filter((f) => f.role === 'api' && f.firedAt).map((f) => f.writesInFlight).join(' + ') || '–'],
    ['writes cut by an API kill · of which in effect before it died', `${findings.figures.writesCut} · ${findings.figures.effectsBeforeLostAnswer}`],
    ['exits nobody asked for (restarted)', Object.entries(result.unplannedExits).map(([role, n]) => `${role} ${n}`).join(', ')],
    ['HTTP requests', stats.requests],
    ['network errors · 5xx · 409 in progress · replayed answers', `${stats.networkErrors} · ${stats.serverErrors} · ${stats.inProgress} · ${stats.replayed}`],
    ['writes retried with their key', findings.figures.writesRetried],
    ['longest write until its definitive answer', `${findings.figures.longestWriteS} s`],
    ['longest wait of a case', `${findings.figures.longestCaseWaitS} s`],
    ['actions that took effect', findings.figures.actionsTakenEffect],
    ['audit log rows (chain verified)', findings.figures.auditRows],
    ...Object.entries(zeros),
    ['run time', `${result.seconds} s`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\n${'figure'.padEnd(width)}  value`);
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}${name in zeros && value !== 0 ? '   ✗' : ''}`);
  if (findings.details.length) console.log(`\n${findings.details.join('\n')}`);
  const passed = Object.values(zeros).every((value) => value === 0);
  console.log(passed ? '\nevery check holds' : `\nchecks failed; database ${result.database} and logs in ${result.runDir} are kept`);
  return passed;
}

async function main(): Promise<void> {
  const result = await runChaos({
    cases: count('cases'),
    clients: Math.max(1, count('clients')),
    faults: { worker: count('worker-kills'), temporal: count('temporal-kills'), api: count('api-kills') },
    pauseMs: count('pause-ms'),
    caseDeadlineMs: count('case-deadline-minutes') * 60_000,
    keep: values.keep ?? false,
    log: (line) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
  });
  process.exitCode = report(result) ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
