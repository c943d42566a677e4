// Operators find a case in Temporal's UI and CLI by what they know (tracking code, project code,
// department, status), not by the UUID in its workflow id; and a worker or API refuses to start
// against a namespace where those search attributes are not registered.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { expect } from 'chai';
import { assertSearchAttributesRegistered, missingSearchAttributes, registerSearchAttributes } from '../../config/search-attributes';
import { temporalBinaries } from '../../scripts/temporal-binaries';
import { caseWorkflowId, projectWorkflowId, stepIdFor, stepWorkflowId } from '../../workflows/messages';
import { ApprovalStatusAttribute, ChannelAttribute, DepartmentCodesAttribute, LightAttribute, ProjectCodeAttribute, TrackingCodeAttribute } from '../../workflows/search-attributes';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';

const APPLICANT = { name: '李秀英', phone: '13912345678', idNumber: '110101199003074514' };

describe('search attributes: finding a case in Temporal', function () {
  this.timeout(120_000);
  let system: RunningSystem;
  let clerk: ApiClient;

  before(async () => {
    system = await startSystem('search');
    clerk = await ApiClient.signIn(system.url, 'clerk1');
  });
  after(async () => {
    await system?.stop();
  });

  /** Workflow ids the visibility store answers for `query`, sorted. */
  const found = async (query: string): Promise<string[]> => {
    const ids: string[] = [];
    for await (const execution of system.env.client.workflow.list({ query })) ids.push(execution.workflowId);
    return ids.sort();
  };

  const register = async (matterCodes: string[], extra: Record<string, unknown> = {}): Promise<{ id: string; trackingCode: string }> => {
    const created = await clerk.post('/api/cases', {
      applicant: APPLICANT, matterCodes, channel: 'green', materials: completeMaterials(matterCodes), ...extra,
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    return created.body;
  };

  it('when a clerk registers a case, then TrackingCode finds exactly that case, and its summary names the matters but not the applicant', async () => {
    const kase = await register(['ZRJ-001', 'HBJ-001']);
    const other = await register(['ZRJ-001']);

    // Visibility follows the server's writes with a delay.
    await eventually(async () => expect(await found(`TrackingCode='${kase.trackingCode}'`)).to.deep.equal([caseWorkflowId(kase.id)]));
    await eventually(async () => expect(await found(`TrackingCode='${other.trackingCode}'`)).to.deep.equal([caseWorkflowId(other.id)]));

    const description = await system.env.client.workflow.getHandle(caseWorkflowId(kase.id)).describe();
    const attributes = description.typedSearchAttributes;
    expect(attributes.get(TrackingCodeAttribute)).to.equal(kase.trackingCode);
    expect(attributes.get(DepartmentCodesAttribute)).to.have.members(['zrj', 'hbj']);
    expect(attributes.get(ChannelAttribute)).to.equal('green');
    expect(attributes.get(ApprovalStatusAttribute)).to.equal('submitted');
    expect(attributes.get(LightAttribute)).to.equal('green');
    expect(attributes.get(ProjectCodeAttribute)).to.equal(undefined);

    const summary = await description.staticSummary();
    expect(summary).to.equal(`办件 ${kase.trackingCode} · 绿色通道 · 建设项目用地预审与选址意见书核发、建设项目环境影响报告书审批`);
    const indexed = JSON.stringify({ summary, attributes: attributes.getAll() });
    for (const personal of Object.values(APPLICANT)) expect(indexed).not.to.include(personal);
  });

  it('when the case is accepted, then ApprovalStatus finds it in review and its steps are found by its tracking code and department', async () => {
    const kase = await register(['ZRJ-001', 'HBJ-001']);
    await eventually(async () => expect(await found(`TrackingCode='${kase.trackingCode}' AND ApprovalStatus='submitted'`)).to.deep.equal([caseWorkflowId(kase.id)]));

    const accepted = await clerk.post(`/api/cases/${kase.id}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);

    await eventually(async () => {
      expect(await found(`TrackingCode='${kase.trackingCode}' AND WorkflowType='caseWorkflow' AND ApprovalStatus='inReview'`)).to.deep.equal([caseWorkflowId(kase.id)]);
      expect(await found(`TrackingCode='${kase.trackingCode}' AND ApprovalStatus='submitted'`)).to.deep.equal([]);
    });
    const steps = ['HBJ-001', 'ZRJ-001'].map((matter) => stepWorkflowId(stepIdFor(kase.id, matter))).sort();
    await eventually(async () => {
      expect(await found(`TrackingCode='${kase.trackingCode}' AND WorkflowType='stepWorkflow' AND ApprovalStatus='pending'`)).to.deep.equal(steps);
      // A department's people find the case and their own step, not the other department's.
      expect(await found(`TrackingCode='${kase.trackingCode}' AND DepartmentCodes='hbj'`))
        .to.deep.equal([caseWorkflowId(kase.id), stepWorkflowId(stepIdFor(kase.id, 'HBJ-001'))].sort());
    });
    const step = await system.env.client.workflow.getHandle(stepWorkflowId(stepIdFor(kase.id, 'HBJ-001'))).describe();
    expect(await step.staticSummary()).to.equal(`审批环节 建设项目环境影响报告书审批 · hbj · 办件 ${kase.trackingCode}`);
  });

  it('when a case applies for a project stage, then ProjectCode finds the project and the case', async () => {
    const project = await clerk.post('/api/projects', { name: '星河物流园' });
    expect(project.status, JSON.stringify(project.body)).to.equal(201);
    const kase = await register(['ZRJ-001'], { projectId: project.body.id });

    await eventually(async () => expect(await found(`ProjectCode='${project.body.code}'`))
      .to.deep.equal([caseWorkflowId(kase.id), projectWorkflowId(project.body.id)].sort()));
    await eventually(async () => expect(await found(`ProjectCode='${project.body.code}' AND WorkflowType='projectWorkflow' AND ApprovalStatus='landUse'`))
      .to.deep.equal([projectWorkflowId(project.body.id)]));
    const description = await system.env.client.workflow.getHandle(projectWorkflowId(project.body.id)).describe();
    expect(await description.staticSummary()).to.equal(`工程建设项目 ${project.body.code}`);
  });
});

describe('search attributes: registration on a cluster', function () {
  this.timeout(120_000);
  let bare: TestWorkflowEnvironment;

  before(async () => {
    // A server started without the attributes, like a fresh cluster.
    bare = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: temporalBinaries().cli }, ip: '127.0.0.1', ui: false },
    });
  });
  after(async () => {
    await bare?.teardown();
  });

  it('when the namespace lacks them, then the startup check refuses and names them; once registered it passes, and registering again adds nothing', async () => {
    const error = await assertSearchAttributesRegistered(bare.connection, 'default').then(() => null, (err: Error) => err);
    expect(error?.message).to.include('TrackingCode (Keyword)').and.include('DepartmentCodes (KeywordList)').and.include('npm run temporal:search-attributes');

    expect((await registerSearchAttributes(bare.connection, 'default')).sort())
      .to.deep.equal(['ApprovalStatus', 'Channel', 'DepartmentCodes', 'Light', 'ProjectCode', 'TrackingCode']);
    await eventually(async () => expect(await missingSearchAttributes(bare.connection, 'default')).to.deep.equal([]));
    await assertSearchAttributesRegistered(bare.connection, 'default');
    expect(await registerSearchAttributes(bare.connection, 'default')).to.deep.equal([]);
  });
});
