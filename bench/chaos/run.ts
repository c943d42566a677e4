// One chaos run: a fresh MySQL database with the demo catalogue, users and calendar; Temporal,
// a worker and the API as separate processes; clients driving cases while processes are killed;
// then the checks. Used by `npm run chaos` and by the short version in the test suite.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { seedCalendar } from '../../activities/calendar-service';
import { openDatabase } from '../../entities/data-source';
import { seedDemo } from '../../entities/seed';
import { temporalBinaries } from '../../scripts/temporal-binaries';
import { dropMysqlDatabase, freshMysqlDatabase } from '../../test/support/mysql';
import { check, type Findings } from './checks';
import { driveCases, signInClients, WRITES_PER_CASE, type CaseRun } from './driver';
import { faultPlan, injectFaults, type Fault, type FaultCounts } from './faults';
import { deployment } from './processes';
import type { ClientStats } from './client';

export interface ChaosOptions {
  cases: number;
  clients: number;
  faults: FaultCounts;
  /** Between a kill and the restart. */
  pauseMs: number;
  /** A case not delivered this long after it was registered is given up and counted stuck. */
  caseDeadlineMs: number;
  /** Keep the database and the run directory (logs, Temporal's file) after a passing run too. */
  keep: boolean;
  log: (line: string) => void;
}

export interface ChaosResult {
  findings: Findings;
  faults: Fault[];
  unplannedExits: Record<'temporal' | 'worker' | 'api', number>;
  stats: ClientStats;
  runs: CaseRun[];
  seconds: number;
  runDir: string;
  database: string;
  /** Where it ran: start instant, cores, the MySQL server's version. */
  machine: { startedAt: string; cores: number; mysql: string };
}

const PASSWORD = 'chaos-password-1';
const ROOT = path.join(__dirname, '..', '..');

export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const started = Date.now();
  const database = `approval_chaos_${process.pid}`;
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'approval-chaos-'));
  const databaseUrl = await freshMysqlDatabase(database);
  const db = await openDatabase({ url: databaseUrl, dataDir: runDir });
  const system = await deployment({
    root: ROOT, runDir, temporalCli: temporalBinaries().cli, databaseUrl,
    taskQueue: `chaos-${process.pid}`, jwtSecret: randomBytes(32).toString('hex'),
  });
  let connection: Connection | undefined;
  let passed = false;
  try {
    await seedCalendar(db);
    await seedDemo(db, PASSWORD);
    options.log(`database ${database}, logs in ${runDir}`);
    const [{ version }] = await db.query('SELECT VERSION() AS version') as Array<{ version: string }>;
    const machine = { startedAt: new Date(started).toISOString(), cores: os.cpus().length, mysql: version };
    await system.temporal.start();
    await Promise.all([system.worker.start(), system.api.start()]);
    options.log(`temporal ${system.temporalAddress}, api ${system.apiUrl}, worker up`);
    connection = await Connection.connect({ address: system.temporalAddress });
    const temporal = new Client({ connection });
    const clients = await signInClients(system.apiUrl, PASSWORD);

    const expected = options.cases * WRITES_PER_CASE;
    let answered = 0;
    let finished = false;
    const plan = faultPlan(options.faults);
    let faultError: unknown;
    const faults = injectFaults(system, plan, {
      progress: () => answered / expected, finished: () => finished, writesInFlight: () => clients.stats.writesInFlight,
      busy: Math.max(1, Math.ceil(options.clients / 2)), pauseMs: options.pauseMs, log: options.log,
    }).catch((err: unknown) => { faultError = err; });
    const ticker = setInterval(() => options.log(`${answered}/${expected} writes answered`), 15_000);
    const runs = await driveCases(clients, {
      cases: options.cases, clients: options.clients, runTag: `${process.pid}`, caseDeadlineMs: options.caseDeadlineMs,
      onAnswer: () => { answered += 1; },
    }).finally(() => {
      finished = true;
      clearInterval(ticker);
    });
    await faults;
    if (faultError) throw faultError;
    options.log('all cases driven; checking');
    const apiKills = plan.flatMap((fault) => (fault.role === 'api' && fault.firedAt ? [fault.firedAt] : []));
    const findings = await check(runs, { db, temporal, clerk: clients.clerk, apiKills });
    passed = Object.values(zeroFigures(findings)).every((value) => value === 0);
    return {
      findings, faults: plan, runs, machine, stats: clients.stats, seconds: Math.round((Date.now() - started) / 1000), runDir, database,
      unplannedExits: { temporal: system.temporal.unplannedExits, worker: system.worker.unplannedExits, api: system.api.unplannedExits },
    };
  } finally {
    await connection?.close();
    await system.api.stop();
    await system.worker.stop();
    await system.temporal.stop();
    await db.destroy();
    // A failed run keeps its database and logs for a look.
    if (passed && !options.keep) {
      await dropMysqlDatabase(database);
      rmSync(runDir, { recursive: true, force: true });
    }
  }
}

/** The figures that must be zero, by name. */
export function zeroFigures(findings: Findings): Record<string, number> {
  return {
    'cases lost': findings.casesLost,
    'cases duplicated': findings.casesDuplicated,
    'case workflows without a case': findings.orphanWorkflows,
    'actions misreported': findings.actionsMisreported,
    'cases stuck > 5 min or undelivered': findings.casesStuck,
    'duplicate timeline entries': findings.duplicateTimelineEntries,
    'duplicate notices': findings.duplicateNotices,
    'audit rows missing': findings.auditRowsMissing,
    'audit chain broken': findings.auditChainBroken,
    'projection ≠ workflow': findings.projectionMismatches,
  };
}
