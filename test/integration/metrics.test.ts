// 效能监察 over the API, on MySQL: a seeded scenario of cases with known outcomes goes through the
// real projection activities (as the workflows would call them), then GET /api/metrics, its CSV,
// the board and /metrics are checked against figures worked out by hand below.
//
// The calendar: November 2026 has no holiday; office hours 09:00–17:30, one working day = 30 600 s.
// Catalogue (demo seed): ZRJ-001 legal 20 days, ZRJ-002 legal 20, HBJ-002 legal 30.
// Period 2026-11-02 … 2026-11-13 (steps accepted on those Shanghai dates).
//
// case  accepted (Shanghai)  step      limit due (Shanghai)    what happened                                          working time
// A     Mon 11-02 10:00      ZRJ-001   12    Wed 11-18 17:30   approved Thu 11-12 12:00: early                         Nov 3–11 = 7 days + Nov 12 09–12 = 3 h → 225 000 s
// A                          HBJ-002   15    Thu 11-26 17:30   paused Thu 11-05 14:00 → Tue 11-10 10:00, rejected      Nov 3, 4 (17 h) + Nov 5 09–14 (5 h) + Nov 10 10–17:30 (7.5 h)
//                                           (after re-plan)   Fri 11-27 10:00: late                                   + 12 days (102 h) + Nov 27 09–10 (1 h) = 132.5 h → 477 000 s
// B     Fri 11-06 16:00      ZRJ-002   10    Fri 11-20 17:30   approved exactly at 11-20 17:30: neither early nor late Nov 9–20 = 10 days → 306 000 s
// B                          HBJ-002    8    Wed 11-18 17:30   open, red (overdue)                                      —
// C     Tue 11-10 09:30      ZRJ-001   12    Thu 11-26 17:30   case withdrawn, step undecided (red): leaves the figures —
// D     Wed 11-11 11:00      ZRJ-001   12    Fri 11-27 17:30   open, yellow                                             —
// F1    Fri 11-13 23:30      ZRJ-002   10    Fri 11-27 17:30   approved Mon 11-16 10:30: early                          Mon 09:00–10:30 → 5 400 s
// F2    Sat 11-14 00:10      ZRJ-002   10    Fri 11-27 17:30   approved Mon 11-16 11:00: outside the period (UTC date 11-13!)  Mon 09–11 → 7 200 s
// E     Mon 11-16 09:00      ZRJ-002   10    Mon 11-30 17:30   approved Wed 11-18 10:00: outside the period              Nov 17 (8.5 h) + Nov 18 1 h → 34 200 s
import { expect } from 'chai';
import type { DataSource } from 'typeorm';
import { createProjectionActivities } from '../../activities/projection';
import type { ProjectCaseInput, ProjectStepInput, StepProjection } from '../../activities/projection-types';
import { createSupervisionActivities } from '../../activities/supervision';
import { seedCalendar } from '../../activities/calendar-service';
import type { ApiServer } from '../../api/server';
import type { CaseStatus, Light, StepStatus, TimelineEntry } from '../../domain/types';
import { MetricRollup, StepMetric } from '../../entities';
import { DEMO_CATALOGUE } from '../../entities/seed';
import { openDatabase } from '../../entities/data-source';
import { seedDemo } from '../../entities/seed';
import { ApiClient } from '../support/http';
import { dropMysqlDatabase, freshMysqlDatabase } from '../support/mysql';
import { startReadApi } from '../support/read-api';
import { pinnedClock } from '../../config/clock';
import { TEST_PASSWORD } from '../support/system';

const sh = (local: string): string => new Date(`${local}+08:00`).toISOString();

type StepEvent = [action: string, from: StepStatus, to: StepStatus, at: string];
interface StepPlan {
  matterCode: string;
  departmentCode: string;
  limitDays: number;
  dueAt: string;
  light: Light;
  events: StepEvent[];
}
interface CasePlan {
  id: string;
  acceptedAt: string;
  status: CaseStatus;
  steps: StepPlan[];
}

const caseId = (n: number): string => `0c0a5e00-0000-4000-8000-${String(n).padStart(12, '0')}`;
const claim = (at: string): StepEvent => ['CLAIM', 'pending', 'claimed', at];

const SCENARIO: CasePlan[] = [
  {
    id: caseId(1), acceptedAt: '2026-11-02T10:00:00', status: 'denied', steps: [
      { matterCode: 'ZRJ-001', departmentCode: 'zrj', limitDays: 12, dueAt: '2026-11-18T17:30:00', light: 'green',
        events: [claim('2026-11-03T09:10:00'), ['APPROVE', 'claimed', 'approved', '2026-11-12T12:00:00']] },
      { matterCode: 'HBJ-002', departmentCode: 'hbj', limitDays: 15, dueAt: '2026-11-26T17:30:00', light: 'red',
        events: [claim('2026-11-03T09:20:00'), ['SUSPEND', 'claimed', 'suspended', '2026-11-05T14:00:00'],
          ['RESUME', 'suspended', 'inReview', '2026-11-10T10:00:00'], ['REJECT', 'inReview', 'rejected', '2026-11-27T10:00:00']] },
    ],
  },
  {
    id: caseId(2), acceptedAt: '2026-11-06T16:00:00', status: 'inReview', steps: [
      { matterCode: 'ZRJ-002', departmentCode: 'zrj', limitDays: 10, dueAt: '2026-11-20T17:30:00', light: 'yellow',
        events: [claim('2026-11-09T09:00:00'), ['APPROVE', 'claimed', 'approved', '2026-11-20T17:30:00']] },
      { matterCode: 'HBJ-002', departmentCode: 'hbj', limitDays: 8, dueAt: '2026-11-18T17:30:00', light: 'red',
        events: [claim('2026-11-09T09:30:00')] },
    ],
  },
  {
    id: caseId(3), acceptedAt: '2026-11-10T09:30:00', status: 'withdrawn', steps: [
      { matterCode: 'ZRJ-001', departmentCode: 'zrj', limitDays: 12, dueAt: '2026-11-26T17:30:00', light: 'red', events: [claim('2026-11-11T09:00:00')] },
    ],
  },
  {
    id: caseId(4), acceptedAt: '2026-11-11T11:00:00', status: 'inReview', steps: [
      { matterCode: 'ZRJ-001', departmentCode: 'zrj', limitDays: 12, dueAt: '2026-11-27T17:30:00', light: 'yellow', events: [] },
    ],
  },
  {
    id: caseId(6), acceptedAt: '2026-11-13T23:30:00', status: 'approved', steps: [
      { matterCode: 'ZRJ-002', departmentCode: 'zrj', limitDays: 10, dueAt: '2026-11-27T17:30:00', light: 'green',
        events: [claim('2026-11-16T09:00:00'), ['APPROVE', 'claimed', 'approved', '2026-11-16T10:30:00']] },
    ],
  },
  {
    id: caseId(7), acceptedAt: '2026-11-14T00:10:00', status: 'approved', steps: [
      { matterCode: 'ZRJ-002', departmentCode: 'zrj', limitDays: 10, dueAt: '2026-11-27T17:30:00', light: 'green',
        events: [claim('2026-11-16T09:00:00'), ['APPROVE', 'claimed', 'approved', '2026-11-16T11:00:00']] },
    ],
  },
  {
    id: caseId(5), acceptedAt: '2026-11-16T09:00:00', status: 'approved', steps: [
      { matterCode: 'ZRJ-002', departmentCode: 'zrj', limitDays: 10, dueAt: '2026-11-30T17:30:00', light: 'green',
        events: [claim('2026-11-17T09:00:00'), ['APPROVE', 'claimed', 'approved', '2026-11-18T10:00:00']] },
    ],
  },
];

const stepIdOf = (plan: CasePlan, step: StepPlan): string => `${plan.id}-${step.matterCode}`;

/** The case projections a case workflow would write: registered, accepted, dispatched, and its end. */
function caseProjections(plan: CasePlan): ProjectCaseInput[] {
  const statuses: CaseStatus[] = ['submitted', 'accepted', 'inReview', ...(plan.status === 'inReview' ? [] : [plan.status])];
  const actions = ['REGISTERED', 'ACCEPT', 'STEPS_DISPATCHED', plan.status === 'withdrawn' ? 'WITHDRAW' : 'STEPS_CONCLUDED'];
  return statuses.map((status, i) => ({
    workflowId: `case-${plan.id}`,
    version: i + 1,
    record: {
      id: plan.id, trackingCode: `T${plan.id.slice(-8)}`.toUpperCase(), status, channel: 'standard',
      applicant: { name: '星河建设有限公司', phone: '13912345678' }, projectName: null, matterCodes: plan.steps.map((s) => s.matterCode),
      light: 'green', dueAt: null, registeredById: 1, submittedAt: sh(plan.acceptedAt),
      acceptedAt: status === 'submitted' ? null : sh(plan.acceptedAt), decidedAt: null, deliveredAt: null, updatedAt: sh(plan.acceptedAt),
    },
    plannedSteps: plan.steps.map((step) => ({ id: stepIdOf(plan, step), matterCode: step.matterCode, departmentCode: step.departmentCode })),
    timeline: [{ seq: i + 1, at: sh(plan.acceptedAt), action: actions[i], fromState: i === 0 ? null : statuses[i - 1], toState: status, actor: null }],
  }));
}

/** The step projections a step workflow would write: dispatched, then one per action. */
function stepProjections(plan: CasePlan, step: StepPlan): ProjectStepInput[] {
  const id = stepIdOf(plan, step);
  const record = (status: StepStatus, decidedAt: string | null, at: string): StepProjection => ({
    id, caseId: plan.id, matterCode: step.matterCode, departmentCode: step.departmentCode, status,
    assigneeId: null, assigneeName: null, light: step.light, dueAt: sh(step.dueAt), opinion: null, reason: null, legalBasis: null,
    decidedAt, updatedAt: at, legalDueAt: null, limitDays: step.limitDays, card: null,
  });
  const entry = (seq: number, action: string, fromState: StepStatus | null, toState: StepStatus, at: string): TimelineEntry =>
    ({ seq, at, action, fromState, toState, actor: null, stepId: id });
  const dispatchedAt = sh(plan.acceptedAt);
  const inputs: ProjectStepInput[] = [{
    workflowId: `step-${id}`, version: 1, record: record('pending', null, dispatchedAt), timeline: [entry(1, 'DISPATCHED', null, 'pending', dispatchedAt)],
  }];
  step.events.forEach(([action, from, to, local], i) => {
    const decided = to === 'approved' || to === 'rejected';
    inputs.push({
      workflowId: `step-${id}`, version: i + 2, record: record(to, decided ? sh(local) : null, sh(local)), timeline: [entry(i + 2, action, from, to, sh(local))],
    });
  });
  return inputs;
}

async function projectScenario(db: DataSource): Promise<void> {
  const { projectCase, projectStep } = createProjectionActivities({ db });
  for (const plan of SCENARIO) {
    const [registered, accepted, dispatched, ...end] = caseProjections(plan);
    await projectCase(registered);
    await projectCase(accepted);
    await projectCase(dispatched);
    for (const step of plan.steps) {
      for (const input of stepProjections(plan, step)) await projectStep(input);
    }
    for (const input of end) await projectCase(input);
  }
}

/** A row with nothing accepted: every ratio and average is null. */
const emptyRow = (key: string) => ({
  key, accepted: 0, completed: 0, completionRate: null, earlyCompletionRate: null, overdueRate: null,
  avgActualWorkingDays: null, avgCommittedDays: null, avgLegalDays: null, speedupRate: null,
});

const ZRJ = {
  key: 'zrj', name: '自然资源和规划局',
  accepted: 4, // A/ZRJ-001, B/ZRJ-002, D/ZRJ-001, F1/ZRJ-002 (C withdrawn: out)
  completed: 3, // A, B, F1
  completionRate: 0.75, // 3 / 4
  earlyCompletionRate: 0.6667, // A and F1 early, B exactly on time: 2 / 3
  overdueRate: 0, // none late, none open and red
  avgActualWorkingDays: 5.84, // (225 000 + 306 000 + 5 400) s / 3 / 30 600 = 5.8431
  avgCommittedDays: 10.67, // (12 + 10 + 10) / 3
  avgLegalDays: 20, // (20 + 20 + 20) / 3
  speedupRate: 0.7078, // 1 − 5.8431 / 20
};
const HBJ = {
  key: 'hbj', name: '生态环境局',
  accepted: 2, // A/HBJ-002, B/HBJ-002
  completed: 1, // A
  completionRate: 0.5,
  earlyCompletionRate: 0, // A was late
  overdueRate: 1, // (1 completed late + 1 open red) / 2
  avgActualWorkingDays: 15.59, // 477 000 / 30 600 = 15.5882
  avgCommittedDays: 15,
  avgLegalDays: 30,
  speedupRate: 0.4804, // 1 − 15.5882 / 30
};

describe('supervision metrics over the API (MySQL)', function () {
  this.timeout(120_000);
  const database = `approval_test_metrics_${process.pid}`;
  let db: DataSource;
  let api: ApiServer;
  let supervisor: ApiClient;
  // The board reads "now" from this clock; each test that depends on it sets the instant it means.
  const clock = pinnedClock(sh('2026-11-25T10:00:00'));

  before(async () => {
    db = await openDatabase({ url: await freshMysqlDatabase(database), dataDir: 'data' });
    await seedCalendar(db);
    await seedDemo(db, TEST_PASSWORD);
    await projectScenario(db);
    api = await startReadApi(db, clock);
    supervisor = await ApiClient.signIn(api.url, 'supervisor1');
  });
  after(async () => {
    await api?.stop();
    await db?.destroy();
    await dropMysqlDatabase(database);
  });

  const PERIOD = 'from=2026-11-02&to=2026-11-13';

  it('when the period is grouped by department, then every department has a row and the figures are the hand-computed ones', async () => {
    const answer = await supervisor.get(`/api/metrics?${PERIOD}&groupBy=department`);
    expect(answer.status).to.equal(200);
    expect(answer.body.map((row: { key: string }) => row.key)).to.deep.equal(['fgw', 'hbj', 'scj', 'wjw', 'zjj', 'zrj']);
    const byKey = new Map(answer.body.map((row: { key: string }) => [row.key, row]));
    expect(byKey.get('zrj')).to.deep.equal(ZRJ);
    expect(byKey.get('hbj')).to.deep.equal(HBJ);
    expect(byKey.get('fgw')).to.deep.equal({ ...emptyRow('fgw'), name: '发展和改革委员会' });
  });

  it('when grouped by matter, then each matter has its own figures', async () => {
    const answer = await supervisor.get(`/api/metrics?${PERIOD}&groupBy=matter`);
    expect(answer.status).to.equal(200);
    const byKey = new Map(answer.body.map((row: { key: string }) => [row.key, row]));
    expect(byKey.size).to.equal(DEMO_CATALOGUE.matters.length); // every matter of the demo catalogue
    expect(byKey.get('ZRJ-001')).to.deep.equal({
      key: 'ZRJ-001', name: '建设项目用地预审与选址意见书核发',
      accepted: 2, completed: 1, // A (early), D open; C withdrawn
      completionRate: 0.5, earlyCompletionRate: 1, overdueRate: 0,
      avgActualWorkingDays: 7.35, // 225 000 / 30 600 = 7.3529
      avgCommittedDays: 12, avgLegalDays: 20,
      speedupRate: 0.6324, // 1 − 7.3529 / 20
    });
    expect(byKey.get('ZRJ-002')).to.deep.equal({
      key: 'ZRJ-002', name: '建设工程规划许可证核发',
      accepted: 2, completed: 2, // B (on time), F1 (early)
      completionRate: 1, earlyCompletionRate: 0.5, overdueRate: 0,
      avgActualWorkingDays: 5.09, // (306 000 + 5 400) / 2 / 30 600 = 5.0882
      avgCommittedDays: 10, avgLegalDays: 20,
      speedupRate: 0.7456, // 1 − 5.0882 / 20
    });
    expect(byKey.get('HBJ-002')).to.deep.equal({ ...HBJ, key: 'HBJ-002', name: '建设项目环境影响报告表审批' });
    expect(byKey.get('FGW-001')).to.include({ accepted: 0, completionRate: null });
  });

  it('when the period starts at a Shanghai midnight, then a step accepted at 00:10 Shanghai (still the previous UTC day) belongs to it', async () => {
    const answer = await supervisor.get('/api/metrics?from=2026-11-14&to=2026-11-16&groupBy=department');
    const zrj = answer.body.find((row: { key: string }) => row.key === 'zrj');
    // F2 (11-14 00:10) and E (11-16): both early; (7 200 + 34 200) / 2 / 30 600 = 0.6765.
    expect(zrj).to.include({ accepted: 2, completed: 2, completionRate: 1, earlyCompletionRate: 1, overdueRate: 0, avgActualWorkingDays: 0.68, avgCommittedDays: 10 });
  });

  it('when a decided step\'s facts are read back, then they are frozen as measured', async () => {
    const facts = await db.getRepository(StepMetric).findOneByOrFail({ stepId: `${caseId(1)}-HBJ-002` });
    expect(facts).to.include({ acceptedOn: '2026-11-02', legalDays: 30, counted: true, decided: true, outcome: 'rejected', limitDays: 15, workingSeconds: 477_000, early: false, late: true });
    const onTime = await db.getRepository(StepMetric).findOneByOrFail({ stepId: `${caseId(2)}-ZRJ-002` });
    expect(onTime).to.include({ workingSeconds: 306_000, early: false, late: false });
  });

  it('when every projection is replayed, and a decision is projected twice at once, then nothing is counted twice', async () => {
    const rollups = async () => (await db.getRepository(MetricRollup).find({ order: { acceptedOn: 'ASC', departmentCode: 'ASC', matterCode: 'ASC' } }));
    const before = await rollups();
    await projectScenario(db);
    const { projectStep } = createProjectionActivities({ db });
    const decision = stepProjections(SCENARIO[0], SCENARIO[0].steps[0]).at(-1)!;
    await Promise.all([projectStep(decision), projectStep(decision), projectStep({ ...decision, version: decision.version + 1 })]);
    expect(await rollups()).to.deep.equal(before);
    const answer = await supervisor.get(`/api/metrics?${PERIOD}`);
    expect(answer.body.find((row: { key: string }) => row.key === 'zrj')).to.deep.equal(ZRJ);
  });

  it('when the CSV is asked for, then it has a header row and the same rows', async () => {
    for (const path of [`/api/metrics.csv?${PERIOD}`, `/api/metrics?${PERIOD}&format=csv`]) {
      const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${await token('supervisor1')}` } });
      expect(res.status, path).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).to.contain('metrics-department-2026-11-02-2026-11-13.csv');
      const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\n');
      expect(lines[0]).to.equal('key,name,accepted,completed,completionRate,earlyCompletionRate,overdueRate,avgActualWorkingDays,avgCommittedDays,avgLegalDays,speedupRate');
      expect(lines).to.have.length(7);
      expect(lines).to.include('zrj,自然资源和规划局,4,3,0.75,0.6667,0,5.84,10.67,20,0.7078');
      expect(lines).to.include('hbj,生态环境局,2,1,0.5,0,1,15.59,15,30,0.4804');
      expect(lines).to.include('fgw,发展和改革委员会,0,0,,,,,,,');
    }
  });

  it('when a query is malformed, then it is 400 naming the fields', async () => {
    const paths = async (query: string) => {
      const answer = await supervisor.get(`/api/metrics?${query}`);
      expect(answer.status, query).to.equal(400);
      expect(answer.contentType).to.contain('application/problem+json');
      return answer.body.errors.map((e: { path: string }) => e.path);
    };
    expect(await paths('from=2026-11-13&to=2026-11-02')).to.deep.equal(['query.from']);
    expect(await paths('from=2026-02-30&to=2026-03-02')).to.deep.equal(['query.from']);
    expect(await paths('from=2026-11-01&to=2026-11-30&groupBy=officer')).to.deep.equal(['query.groupBy']);
    expect(await paths('from=2020-01-01&to=2026-11-30')).to.deep.equal(['query.to']);
    expect((await supervisor.get('/api/board?limit=0')).body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['query.limit']);
  });

  it('when anyone but the supervision office asks for metrics, then it is 403; without a token 401', async () => {
    for (const user of ['clerk1', 'officer-zrj', 'leader-zrj', 'admin1', 'agent1']) {
      const client = await ApiClient.signIn(api.url, user);
      expect((await client.get(`/api/metrics?${PERIOD}`)).status, user).to.equal(403);
      expect((await client.get(`/api/metrics.csv?${PERIOD}`)).status, user).to.equal(403);
    }
    expect((await new ApiClient(api.url).get(`/api/metrics?${PERIOD}`)).status).to.equal(401);
  });

  it('when the board is read, then open steps by light, the oldest overdue, open orders and the period\'s accountability records show; a leader sees their own department', async () => {
    const activities = createSupervisionActivities({ db });
    const stepId = `${caseId(2)}-HBJ-002`;
    const orderKey = `step-${stepId}:order`;
    await activities.openSupervisionOrder({
      orderKey, caseId: caseId(2), stepId, departmentCode: 'hbj', matterCode: 'HBJ-002', openedAt: sh('2026-11-20T17:30:00'), deadlineAt: sh('2026-11-24T17:30:00'),
    });
    await activities.recordAccountabilityIfOrderOpen({ recordKey: `step-${stepId}:accountability`, orderKey, content: { stepId }, at: sh('2026-11-24T17:30:00') });

    clock.set(sh('2026-11-23T23:59:30'));
    const board = await supervisor.get('/api/board?from=2026-11-01&to=2026-11-30');
    expect(board.status).to.equal(200);
    expect(board.body.asOf).to.equal('2026-11-23T23:59:30+08:00');
    const lights = new Map(board.body.openSteps.map((row: { departmentCode: string }) => [row.departmentCode, row]));
    // B/HBJ-002 red; D/ZRJ-001 yellow; C's red step belongs to a withdrawn case and is not open work.
    expect(lights.get('hbj')).to.deep.equal({ departmentCode: 'hbj', green: 0, yellow: 0, red: 1, open: 1 });
    expect(lights.get('zrj')).to.deep.equal({ departmentCode: 'zrj', green: 0, yellow: 1, red: 0, open: 1 });
    expect(lights.get('fgw')).to.deep.equal({ departmentCode: 'fgw', green: 0, yellow: 0, red: 0, open: 0 });
    expect(board.body.oldestOverdue).to.have.length(1);
    expect(board.body.oldestOverdue[0]).to.include({ stepId, caseId: caseId(2), departmentCode: 'hbj', dueAt: '2026-11-18T17:30:00+08:00' });
    // Office time (09:00–17:30) since Wed 11-18 17:30: Thu 11-19, Fri 11-20 and Mon 11-23 whole → 3.
    expect(board.body.oldestOverdue[0].lateWorkingDays).to.equal(3);
    // Fri 11-20 12:00: Thu whole, Fri 09:00–12:00 = 3 of 8.5 hours → 1.35. Sat 11-21 17:31: Thu, Fri → 2.
    for (const [instant, late] of [['2026-11-20T12:00:00', 1.35], ['2026-11-21T17:31:00', 2]] as const) {
      clock.set(sh(instant));
      expect((await supervisor.get('/api/board?from=2026-11-01&to=2026-11-30')).body.oldestOverdue[0].lateWorkingDays, instant).to.equal(late);
    }
    clock.set(sh('2026-11-25T10:00:00'));
    expect(board.body.supervisionOrders.open).to.equal(1);
    expect(board.body.supervisionOrders.items[0]).to.include({ stepId, status: 'open', deadlineAt: '2026-11-24T17:30:00+08:00' });
    expect(board.body.accountabilityRecords.count).to.equal(1);
    expect(board.body.accountabilityRecords.items[0]).to.include({ stepId, intact: true, createdAt: '2026-11-24T17:30:00+08:00' });

    const october = await supervisor.get('/api/board?from=2026-10-01&to=2026-10-31');
    expect(october.body.accountabilityRecords.count).to.equal(0);

    const leader = await ApiClient.signIn(api.url, 'leader-zrj');
    const own = await leader.get('/api/board?from=2026-11-01&to=2026-11-30');
    expect(own.status).to.equal(200);
    expect(own.body.openSteps).to.deep.equal([{ departmentCode: 'zrj', green: 0, yellow: 1, red: 0, open: 1 }]);
    expect(own.body.oldestOverdue).to.deep.equal([]);
    expect(own.body.supervisionOrders.open).to.equal(0);
    expect(own.body.accountabilityRecords.count).to.equal(0);
    expect((await (await ApiClient.signIn(api.url, 'officer-zrj')).get('/api/board')).status).to.equal(403);
  });

  it('when Prometheus scrapes /metrics without a token, then process, HTTP (by route pattern) and open-step gauges are there', async () => {
    await supervisor.get(`/api/metrics?${PERIOD}`);
    const res = await fetch(`${api.url}/metrics`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.contain('text/plain');
    const text = await res.text();
    expect(text).to.contain('process_cpu_user_seconds_total');
    expect(text).to.match(/http_requests_total\{method="GET",route="\/api\/metrics",status="200"\} \d+/);
    expect(text).to.match(/http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/api\/metrics",status="200"\} \d+/);
    expect(text).not.to.contain('route="/api/metrics?');
    expect(text).to.contain('approval_open_steps{department="hbj",light="red"} 1');
    expect(text).to.contain('approval_open_steps{department="zrj",light="yellow"} 1');
    expect(text).to.contain('approval_open_steps{department="zrj",light="red"} 0');
  });

  const token = async (username: string): Promise<string> =>
    (await new ApiClient(api.url).post('/api/auth/login', { username, password: TEST_PASSWORD })).body.token;
});
