// The read model is written only by the projection activities, idempotently: a retried or
// replayed activity changes nothing, and an older version never overwrites a newer one.
import { expect } from 'chai';
import type { DataSource } from 'typeorm';
import { createProjectionActivities } from '../../activities/projection';
import type { ProjectCaseInput, ProjectStepInput } from '../../activities/projection-types';
import { AuditEvent, CaseRecord, Step } from '../../entities';
import { openDatabase } from '../../entities/data-source';
import { dropMysqlDatabase, freshMysqlDatabase } from '../support/mysql';

const CASE_ID = '0b6d3c2e-6a43-4a8e-9a57-1a2b3c4d5e6f';
const STEP_ID = `${CASE_ID}-ZRJ-001`;
const clerk = { id: 1, username: 'clerk1', role: 'clerk' as const, departmentCode: null };

function caseInput(version: number, status: ProjectCaseInput['record']['status'], seq: number): ProjectCaseInput {
  return {
    workflowId: `case-${CASE_ID}`,
    version,
    record: {
      id: CASE_ID, trackingCode: 'ABCDEFGH23', status, channel: 'standard',
      applicant: { name: '星河建设有限公司', phone: '13912345678' }, projectName: null, matterCodes: ['ZRJ-001'],
      light: 'green', dueAt: null, registeredById: 1, submittedAt: '2026-11-20T01:00:00.000Z',
      acceptedAt: status === 'submitted' ? null : '2026-11-20T02:00:00.000Z', decidedAt: null, deliveredAt: null,
      updatedAt: `2026-11-20T0${version}:00:00.000Z`,
    },
    plannedSteps: [{ id: STEP_ID, matterCode: 'ZRJ-001', departmentCode: 'zrj' }],
    timeline: [{ seq, at: '2026-11-20T01:00:00.000Z', action: seq === 1 ? 'REGISTERED' : 'ACCEPT', fromState: null, toState: status, actor: clerk }],
  };
}

function stepInput(version: number, status: ProjectStepInput['record']['status']): ProjectStepInput {
  return {
    workflowId: `step-${STEP_ID}`,
    version,
    record: {
      id: STEP_ID, caseId: CASE_ID, matterCode: 'ZRJ-001', departmentCode: 'zrj', status, assigneeId: 7, assigneeName: 'officer-zrj',
      light: 'green', dueAt: null, opinion: null, reason: null, legalBasis: null, decidedAt: null, updatedAt: '2026-11-20T03:00:00.000Z',
    },
    timeline: [{ seq: version, at: '2026-11-20T03:00:00.000Z', action: 'CLAIM', fromState: 'pending', toState: status, actor: null, stepId: STEP_ID }],
  };
}

describe('read-model projection (MySQL)', function () {
  this.timeout(60_000);
  const database = `approval_test_projection_${process.pid}`;
  let db: DataSource;

  before(async () => {
    db = await openDatabase({ url: await freshMysqlDatabase(database), dataDir: 'data' });
  });
  after(async () => {
    await db?.destroy();
    await dropMysqlDatabase(database);
  });

  const snapshot = async () => ({
    cases: await db.getRepository(CaseRecord).find(),
    steps: await db.getRepository(Step).find(),
    events: (await db.getRepository(AuditEvent).find({ order: { id: 'ASC' } })).map(({ id: _id, ...rest }) => rest),
  });

  it('when the same projection runs twice, then the second run changes nothing', async () => {
    const { projectCase } = createProjectionActivities({ db });
    await projectCase(caseInput(1, 'submitted', 1));
    const first = await snapshot();
    await projectCase(caseInput(1, 'submitted', 1));
    expect(await snapshot()).to.deep.equal(first);
    expect(first.cases).to.have.length(1);
    expect(first.steps.map((s) => [s.id, s.status, s.version])).to.deep.equal([[STEP_ID, 'pending', 0]]);
    expect(first.events).to.have.length(1);
  });

  it('when an older version arrives after a newer one, then the newer row stays', async () => {
    const { projectCase } = createProjectionActivities({ db });
    await projectCase(caseInput(2, 'accepted', 2));
    await projectCase(caseInput(1, 'submitted', 1));
    const row = await db.getRepository(CaseRecord).findOneByOrFail({ id: CASE_ID });
    expect(row).to.include({ status: 'accepted', version: 2 });
    expect((await db.getRepository(AuditEvent).findBy({ caseId: CASE_ID })).map((e) => e.action)).to.deep.equal(['REGISTERED', 'ACCEPT']);
  });

  it('when a step projection is retried or arrives late, then the step keeps its newest state', async () => {
    const { projectStep } = createProjectionActivities({ db });
    await projectStep(stepInput(2, 'claimed'));
    await projectStep(stepInput(2, 'claimed'));
    await projectStep(stepInput(1, 'pending'));
    const step = await db.getRepository(Step).findOneByOrFail({ id: STEP_ID });
    expect(step).to.include({ status: 'claimed', version: 2, assigneeName: 'officer-zrj' });
    expect(await db.getRepository(AuditEvent).countBy({ stepId: STEP_ID })).to.equal(2);
  });
});
