// The cases the clients drive: register at the window (two matters of two departments), accept,
// each department's officer claims and approves its step, and once the case has concluded the
// clerk delivers. Every write and its definitive answer is kept for the checks.
import { DEMO_CATALOGUE } from '../../entities/seed';
import { ChaosClient, type ClientStats, type WriteRecord } from './client';

export type Verb = 'register' | 'accept' | 'claim' | 'approve' | 'deliver';

/** One thing a person meant to do, and every write it took (a new key after a refusal). */
export interface Intent {
  verb: Verb;
  stepId?: string;
  writes: WriteRecord[];
}

export interface CaseRun {
  index: number;
  /** Unique per case and run: how a case is found again. */
  applicant: string;
  matterCodes: string[];
  caseId?: string;
  intents: Intent[];
  delivered: boolean;
  startedAt: number;
  finishedAt?: number;
  /** The longest time the case went without a definitive answer or a change of state. */
  longestWaitMs: number;
  problems: string[];
}

/** Pairs of ordinary matters (no panel, no prerequisite, not decided at the window) of two departments. */
export const MATTER_PAIRS: string[][] = [['ZRJ-001', 'HBJ-002'], ['FGW-002', 'SCJ-002'], ['ZJJ-002', 'WJW-002']];
export const WRITES_PER_CASE = 7;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CONCLUDED = ['approved', 'partiallyApproved', 'rejected'];

function matter(code: string) {
  const found = DEMO_CATALOGUE.matters.find((m) => m.code === code);
  if (!found || found.instant || found.approval || found.requires?.length) throw new Error(`${code} is not an ordinary matter of the demo catalogue`);
  return found;
}

/** Every required material of the matters, once. */
function materialsOf(codes: string[]): { code: string }[] {
  const all = codes.flatMap((code) => matter(code).materials.filter((m) => m.required).map((m) => m.code));
  return [...new Set(all)].map((code) => ({ code }));
}

export interface Clients {
  clerk: ChaosClient;
  officers: Map<string, ChaosClient>;
  stats: ClientStats;
}

export async function signInClients(apiUrl: string, password: string): Promise<Clients> {
  const stats: ClientStats = { requests: 0, writesInFlight: 0, networkErrors: 0, serverErrors: 0, inProgress: 0, replayed: 0 };
  const departments = [...new Set(MATTER_PAIRS.flat().map((code) => matter(code).departmentCode))];
  const clerk = await ChaosClient.signIn(apiUrl, 'clerk1', password, stats);
  const officers = new Map<string, ChaosClient>();
  for (const department of departments) officers.set(department, await ChaosClient.signIn(apiUrl, `officer-${department}`, password, stats));
  return { clerk, officers, stats };
}

export interface DriveOptions {
  cases: number;
  clients: number;
  runTag: string;
  /** Called after every definitive write answer. */
  onAnswer: () => void;
  /** A case left undelivered this long after its start is given up (then counted as stuck). */
  caseDeadlineMs: number;
}

/** Runs every case through its life on `clients` concurrent lanes. */
export async function driveCases(clients: Clients, options: DriveOptions): Promise<CaseRun[]> {
  const runs: CaseRun[] = Array.from({ length: options.cases }, (_, index) => ({
    index,
    applicant: `混沌演练${options.runTag}-${String(index).padStart(4, '0')}有限公司`,
    matterCodes: MATTER_PAIRS[index % MATTER_PAIRS.length],
    intents: [],
    delivered: false,
    startedAt: 0,
    longestWaitMs: 0,
    problems: [],
  }));
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < runs.length) {
      const run = runs[next++];
      await driveCase(clients, run, options).catch((err: unknown) => { run.problems.push(`driver: ${String(err)}`); });
      run.finishedAt = Date.now();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.clients) }, lane));
  return runs;
}

async function driveCase(clients: Clients, run: CaseRun, options: DriveOptions): Promise<void> {
  const { clerk } = clients;
  run.startedAt = Date.now();
  let lastProgress = run.startedAt;
  const progressed = () => {
    const now = Date.now();
    run.longestWaitMs = Math.max(run.longestWaitMs, now - lastProgress);
    lastProgress = now;
  };
  const overdue = () => Date.now() - run.startedAt > options.caseDeadlineMs;

  /** One intent: written until a 2xx, or until the case shows its effect after a refusal. */
  const act = async (client: ChaosClient, verb: Verb, path: string, body: unknown, done: () => Promise<boolean>, stepId?: string): Promise<boolean> => {
    const intent: Intent = { verb, ...(stepId ? { stepId } : {}), writes: [] };
    run.intents.push(intent);
    for (let attempt = 0; attempt < 5 && !overdue(); attempt += 1) {
      const write = await client.write(path, body);
      intent.writes.push(write);
      options.onAnswer();
      progressed();
      if (write.status >= 200 && write.status < 300) return true;
      if (write.status === 0) break;
      // Refused: look whether it happened anyway (the checks count that as misreported).
      if (await done()) return true;
      await sleep(1000 * (attempt + 1));
    }
    run.problems.push(`${verb}${stepId ? ` ${stepId}` : ''}: no success after ${intent.writes.length} writes (last ${intent.writes.at(-1)?.status})`);
    return false;
  };

  const readCase = async () => (await clerk.get(`/api/cases/${run.caseId}`)).body as {
    status: string; timeline: { action: string; stepId: string | null }[];
  };
  const inTimeline = (action: string, stepId: string | null = null) => async () =>
    (await readCase()).timeline?.some((entry) => entry.action === action && entry.stepId === stepId) ?? false;
  /** Polls the case (as a person refreshing the page) until `ready` holds. */
  const waitFor = async (ready: (status: string) => boolean): Promise<boolean> => {
    for (let wait = 250; !overdue(); wait = Math.min(wait * 2, 2000)) {
      const status = (await readCase()).status;
      if (ready(status)) {
        progressed();
        return true;
      }
      await sleep(wait);
    }
    run.problems.push('gave up waiting for the case to move on');
    return false;
  };

  const register = { verb: 'register' as const, writes: [] as WriteRecord[] };
  run.intents.push(register);
  const write = await clerk.write('/api/cases', {
    applicant: { name: run.applicant, phone: `139${String(run.index).padStart(8, '0')}` },
    matterCodes: run.matterCodes, channel: 'standard', materials: materialsOf(run.matterCodes),
  });
  register.writes.push(write);
  options.onAnswer();
  progressed();
  if (write.status !== 201) {
    run.problems.push(`register: ${write.status} ${JSON.stringify(write.body)}`);
    return;
  }
  run.caseId = write.body.id as string;
  const caseId = run.caseId;

  if (!(await act(clerk, 'accept', `/api/cases/${caseId}/accept`, {}, inTimeline('ACCEPT')))) return;
  // The steps are dispatched right after acceptance; the inbox shows them once the case is under review.
  if (!(await waitFor((status) => status !== 'accepted'))) return;

  const decided = await Promise.all(run.matterCodes.map(async (code) => {
    const stepId = `${caseId}-${code}`;
    const officer = clients.officers.get(matter(code).departmentCode)!;
    return await act(officer, 'claim', `/api/steps/${stepId}/claim`, {}, inTimeline('CLAIM', stepId), stepId)
      && act(officer, 'approve', `/api/steps/${stepId}/approve`, { opinion: '符合要求，同意。' }, inTimeline('APPROVE', stepId), stepId);
  }));
  if (!decided.every(Boolean)) return;
  if (!(await waitFor((status) => CONCLUDED.includes(status)))) return;
  run.delivered = await act(clerk, 'deliver', `/api/cases/${caseId}/deliver`, {}, inTimeline('DELIVER'));
}
