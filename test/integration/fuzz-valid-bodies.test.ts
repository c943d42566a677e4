// Schema-valid bodies, generated from each write route's own zod schema (test/support/body-arbitraries.ts),
// sent to real objects in the caller's scope: a fresh claimed step or accepted case per route, a
// complaint, a bad rating, an owed check, a joint review, a project, an account and a matter of
// its own. Whatever the business checks behind validation decide (scope, chart guards, catalogue
// checks, uniqueness, Idempotency-Key), the answer is never a 5xx, always a status the OpenAPI
// document lists for the route, an error is problem+json with a type and title, a 400 names the
// field it is about, and a refusal writes none of the rows a route writes in its own transaction.
// The runs use a fixed seed (FUZZ_SEED overrides it), printed with any failure so it reproduces.
import bcrypt from 'bcryptjs';
import { expect } from 'chai';
import fc from 'fast-check';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { EndpointSpec } from '../../api/endpoints';
import { openApiPath } from '../../api/openapi';
import type { Role } from '../../domain/types';
import {
  CalendarDayRecord, Complaint, Department, Evaluation, JointReview, JointReviewOpinion, Matter, MatterMaterial, Notice, PostApprovalCheck, Step,
  SupervisionOrder, User,
} from '../../entities';
import { stepWorkflowId } from '../../workflows/messages';
import { bodyArbitrary, type Vocabulary } from '../support/body-arbitraries';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { ApiClient, type Answer } from '../support/http';
import { routeBookOf } from '../support/routes';
import { startSystem, TEST_PASSWORD, type RunningSystem } from '../support/system';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_101);
/** Bodies per write route: about 50 routes × this stays within three minutes on two cores. */
const RUNS = 30;
const PHONE = '13912345678';
/**
 * Rows a route writes in its own transaction, so a refusal must leave their counts as they were.
 * (Projects and owed checks are projected from workflows, and may land after an earlier success.)
 */
const SYNCHRONOUS: Record<string, EntityTarget<ObjectLiteral>> = {
  User, Department, Matter, MatterMaterial, CalendarDayRecord, Complaint, Evaluation, JointReview, JointReviewOpinion,
};

type Stage = 'registered' | 'owing' | 'accepted' | 'claimed';
/** Case routes that act on a case before acceptance; the rest get an accepted one. */
const CASE_STAGES: Record<string, Stage> = {
  'POST /api/cases/:id/accept': 'registered', 'POST /api/cases/:id/accept-with-deficiency': 'registered', 'POST /api/cases/:id/refuse': 'registered',
  'POST /api/cases/:id/supplement-requests': 'registered', 'POST /api/cases/:id/withdraw': 'registered', 'POST /api/cases/:id/supplements': 'owing',
};

interface Operation {
  responses: Record<string, unknown>;
}

describe('schema-valid fuzzed bodies (HTTP → Temporal → MySQL)', function () {
  this.timeout(600_000);
  let system: RunningSystem;
  const clients: Partial<Record<Role | 'anonymous', ApiClient>> = {};

  before(async () => {
    system = await startSystem('fuzzvalid');
    clients.anonymous = new ApiClient(system.url);
    const users: Record<Role, string> = { clerk: 'clerk1', officer: 'officer-zjj', leader: 'leader-zjj', agent: 'agent1', supervisor: 'supervisor1', admin: 'admin1' };
    await Promise.all(Object.entries(users).map(async ([role, username]) => {
      clients[role as Role] = await ApiClient.signIn(system.url, username);
    }));
  });
  after(async () => {
    await system?.stop();
  });

  /**
   * A registered 住建局 case with agent1 as its agent, as far as `stage` says: still awaiting
   * acceptance, owing a supplement, accepted (its step dispatched), or with the step claimed by officer-zjj.
   */
  async function caseAt(stage: Stage): Promise<{ caseId: string; stepId: string; trackingCode: string }> {
    const created = await clients.clerk!.post('/api/cases', {
      applicant: { name: '星河建设有限公司', phone: PHONE }, matterCodes: ['ZJJ-001'], channel: 'standard', materials: completeMaterials(['ZJJ-001']), agentUsername: 'agent1',
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const stepId = `${created.body.id}-ZJJ-001`;
    const objects = { caseId: created.body.id as string, stepId, trackingCode: created.body.trackingCode as string };
    if (stage === 'registered') return objects;
    if (stage === 'owing') {
      const asked = await clients.clerk!.post(`/api/cases/${created.body.id}/supplement-requests`, { missing: [{ code: 'application-form' }] });
      expect(asked.status, JSON.stringify(asked.body)).to.equal(200);
      return objects;
    }
    expect((await clients.clerk!.post(`/api/cases/${created.body.id}/accept`, {})).status).to.equal(200);
    if (stage === 'claimed') await eventually(async () => expect((await clients.officer!.post(`/api/steps/${stepId}/claim`, {})).status).to.equal(200), 30_000);
    else await eventually(async () => expect((await system.db.getRepository(Step).findOneByOrFail({ id: stepId })).version).to.be.above(0));
    return objects;
  }

  /** Runs `make` over `items`, `width` at a time. */
  async function inBatches<T, R>(items: readonly T[], width: number, make: (item: T) => Promise<R>): Promise<R[]> {
    const made: R[] = [];
    for (let i = 0; i < items.length; i += width) made.push(...await Promise.all(items.slice(i, i + width).map(make)));
    return made;
  }

  const counts = async (): Promise<Record<string, number>> => Object.fromEntries(await Promise.all(
    Object.entries(SYNCHRONOUS).map(async ([name, entity]) => [name, await system.db.getRepository(entity).count()] as const),
  ));

  it('when every write route gets generated bodies its schema accepts, then never a 5xx, only documented statuses, and refusals name a field and write nothing', async () => {
    const writes = routeBookOf(system.api.app).specs.filter((spec) => spec.method !== 'get' && spec.body);
    const document = (await clients.anonymous!.get('/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
    const label = (spec: EndpointSpec) => `${spec.method.toUpperCase()} ${spec.path}`;

    // Case and step routes each get an object of their own, so one route's success does not end the next one's case.
    const caseRoutes = writes.filter((spec) => spec.path.startsWith('/api/cases/:id'));
    const stepRoutes = writes.filter((spec) => spec.path.startsWith('/api/steps/:id'));
    const perRoute = new Map<string, { caseId: string; stepId: string }>();
    const stages = [
      ...caseRoutes.map((spec) => [spec, CASE_STAGES[label(spec)] ?? 'accepted'] as const),
      ...stepRoutes.map((spec) => [spec, 'claimed'] as const),
    ];
    const made = await inBatches(stages, 4, async ([spec, stage]) => [label(spec), await caseAt(stage)] as const);
    for (const [route, objects] of made) perRoute.set(route, objects);
    const shared = await caseAt('claimed');

    const orders = system.db.getRepository(SupervisionOrder);
    const order = await orders.save(orders.create({
      orderKey: `${stepWorkflowId(shared.stepId)}:order:fuzz`, caseId: shared.caseId, stepId: shared.stepId, departmentCode: 'zjj', matterCode: 'ZJJ-001',
      status: 'open', openedAt: new Date(), deadlineAt: new Date(Date.now() + 86_400_000), urgeCount: 0, lastUrgedAt: null, closedAt: null, closedBy: null, closeNote: null,
    }));
    const complaint = await clients.supervisor!.post('/api/complaints', { content: '电话投诉：办理超时', caseId: shared.caseId });
    expect(complaint.status, JSON.stringify(complaint.body)).to.equal(201);
    const evaluations = system.db.getRepository(Evaluation);
    const rating = await evaluations.save(evaluations.create({
      caseId: shared.caseId, level: 1, comment: '等太久', createdAt: new Date('2026-11-21T10:00:00+08:00'), createdOn: '2026-11-21', followUpStatus: 'open',
      followUpDeadlineAt: new Date(Date.now() + 5 * 86_400_000), followUpClosedAt: null, followUpClosedBy: null, followUpNote: null,
    }));
    const checks = system.db.getRepository(PostApprovalCheck);
    const check = await checks.save(checks.create({
      stepId: shared.stepId, caseId: shared.caseId, departmentCode: 'zjj', matterCode: 'ZJJ-001', items: '承诺事项', dueAt: new Date(Date.now() + 86_400_000),
      status: 'open', createdAt: new Date('2026-11-21T10:00:00+08:00'), completedAt: null, completedBy: null, finding: null,
    }));
    const review = await clients.leader!.post(`/api/cases/${shared.caseId}/joint-reviews`, { topic: '联合审查' });
    expect(review.status, JSON.stringify(review.body)).to.equal(201);
    const project = await clients.clerk!.post('/api/projects', { name: '模糊测试项目', key: true, agentUsername: 'agent1' });
    expect(project.status, JSON.stringify(project.body)).to.equal(201);
    const accounts = system.db.getRepository(User);
    const account = await accounts.save(accounts.create({
      username: 'fuzz-target', displayName: '被测账户', passwordHash: await bcrypt.hash(TEST_PASSWORD, 4), role: 'officer', departmentCode: 'zjj',
      failedLogins: 0, lockedUntil: null, active: true, createdAt: new Date('2026-11-01T09:00:00+08:00'),
    }));
    const matter = await clients.admin!.post('/api/matters', {
      code: 'FUZZ-01', name: '模糊测试事项', departmentCode: 'zjj', legalDays: 10, committedDays: 5, materials: [{ code: 'application-form', name: '申请表', required: true, core: true }],
    });
    expect(matter.status, JSON.stringify(matter.body)).to.equal(201);
    const clerkNotice = await system.db.getRepository(Notice).findOne({ where: { userId: (await accounts.findOneByOrFail({ username: 'clerk1' })).id }, order: { id: 'DESC' } });

    const targets: Record<string, (spec: EndpointSpec) => string> = {
      '/api/cases/:id': (spec) => perRoute.get(label(spec))!.caseId,
      '/api/steps/:id': (spec) => perRoute.get(label(spec))!.stepId,
      '/api/supervision-orders/:id': () => String(order.id),
      '/api/calendar/days/:date': () => '2035-04-02',
      '/api/calendar/years/:year': () => '2035',
      '/api/complaints/:id': () => String(complaint.body.id),
      '/api/evaluations/:id': () => String(rating.id),
      '/api/post-approval-checks/:id': () => String(check.id),
      '/api/joint-reviews/:id': () => String(review.body.id),
      '/api/track/:trackingCode': () => shared.trackingCode,
      '/api/projects/:id': () => String(project.body.id),
      '/api/users/:id': () => String(account.id),
      '/api/matters/:code': () => 'FUZZ-01',
      '/api/notices/:id': () => String(clerkNotice?.id ?? 1),
    };
    const untargeted = writes.filter((spec) => spec.path.includes(':') && !Object.keys(targets).some((prefix) => spec.path.startsWith(prefix)));
    expect(untargeted.map(label), 'write routes with no object to send to').to.deep.equal([]);

    // Real values where a body names other records, beside the random ones: the checks behind validation get to run.
    const usernames = (await accounts.find()).map((user) => user.username);
    const departmentCodes = (await system.db.getRepository(Department).find()).map((department) => department.code);
    const matterCodes = (await system.db.getRepository(Matter).find()).map((row) => row.code);
    const materialCodes = [...new Set((await system.db.getRepository(MatterMaterial).find()).map((row) => row.code))];
    const vocabulary: Vocabulary = {
      matterCodes, requires: matterCodes, 'materials.code': materialCodes, 'missing.code': materialCodes, code: [...departmentCodes, ...matterCodes, ...materialCodes, 'FUZZ-01'],
      usernames, toUsername: usernames, agentUsername: usernames, approvers: usernames, username: usernames,
      departmentCode: departmentCodes, departmentCodes, phoneLast4: [PHONE.slice(-4)], 'applicant.phone': [PHONE], level: [1, 2, 3, 4, 5],
      caseId: [shared.caseId], projectId: [String(project.body.id)], assigneeId: [account.id], heldOn: ['2026-12-01', '2035-04-02'],
      year: [2035], 'days.date': Array.from({ length: 24 }, (_, i) => `2035-${String(Math.floor(i / 2) + 1).padStart(2, '0')}-${i % 2 === 0 ? '01' : '15'}`),
    };

    let before = await counts();
    const statuses = new Map<number, number>();
    for (const [index, spec] of writes.entries()) {
      const route = label(spec);
      const prefix = Object.keys(targets).find((p) => spec.path.startsWith(p));
      const path = prefix ? spec.path.replace(/:[A-Za-z]+/, targets[prefix](spec)) : spec.path;
      const client = spec.access === 'public' ? clients.anonymous! : clients[spec.access.find((role) => clients[role])!]!;
      const documented = Object.keys(document.paths[openApiPath(spec.path)][spec.method].responses).map(Number);
      // Now and then a retry key, sometimes one this route already used for another body.
      const keyed = fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.constantFrom(`fuzz-${index}-a`, `fuzz-${index}-b`), weight: 1 });
      await fc.assert(fc.asyncProperty(bodyArbitrary(spec.body!, { vocabulary }), keyed, async (body, key) => {
        const answer: Answer = await client.send(spec.method.toUpperCase(), path, body, key ? { 'idempotency-key': key } : {});
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const seen = `${route} (seed ${SEED}) ${JSON.stringify(body).slice(0, 300)} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
        expect(answer.status, seen).to.be.below(500);
        expect(documented, `undocumented status: ${seen}`).to.include(answer.status);
        const after = await counts();
        if (answer.status >= 400) {
          expect(answer.contentType, seen).to.match(/application\/problem\+json/);
          expect(answer.body.type, seen).to.be.a('string').and.not.equal('');
          expect(answer.body.title, seen).to.be.a('string').and.not.equal('');
          expect(after, `a refusal wrote rows: ${seen}`).to.deep.equal(before);
        }
        if (answer.status === 400) {
          const paths = ((answer.body.errors ?? []) as Array<{ path?: string }>).map((error) => error.path);
          expect(paths, `a 400 for a valid body names no field: ${seen}`).to.have.length.above(0);
          expect(paths.every((name) => typeof name === 'string' && name !== ''), seen).to.equal(true);
        }
        before = after;
      }), { numRuns: RUNS, seed: SEED + index, endOnFailure: true });
    }
    // The bodies got past validation to the rules behind it: both successes and refusals happened.
    const succeeded = [...statuses].filter(([status]) => status < 300).reduce((sum, [, n]) => sum + n, 0);
    const refused = [...statuses].filter(([status]) => status >= 400).reduce((sum, [, n]) => sum + n, 0);
    expect(succeeded, JSON.stringify([...statuses])).to.be.above(writes.length);
    expect(refused, JSON.stringify([...statuses])).to.be.above(writes.length);
  });
});
