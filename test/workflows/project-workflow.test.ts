// A key project on the time-skipping server: half-monthly reports with 催办 when one is missing,
// the whole-project clock's warning and overdue, stages in order, and continue-as-new carrying
// all of it from run to run. 2030 and 2031 are declared (weekends, 元旦, 劳动节, 国庆节; no lunar
// holiday) and the instants run in the test's era (test/support/test-era.ts).
import { expect } from 'chai';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { Notification, Project, ProjectEvent } from '../../entities';
import { toShanghaiIso } from '../../domain/time';
import type { Actor } from '../../domain/types';
import {
  openStageUpdate, projectStateQuery, projectWorkflowId, stageConcludedSignal, submitReportUpdate, type ProjectWorkflowInput,
} from '../../workflows/messages';
import { projectWorkflow } from '../../workflows';
import { eventually } from '../support/eventually';
import { startWorkflowRig, uniqueId, type WorkflowRig, advanceTo as advanceServerTo } from '../support/temporal';
import { declaredYear, testEra } from '../support/test-era';
import { clerk } from './scenarios';

const agent: Actor = { id: 40, username: 'agent1', role: 'agent', departmentCode: null };
const era = testEra('2030-11-25T10:00:00');
const minute = (instant: Date | string | null): string | undefined => toShanghaiIso(instant)?.slice(0, 16);

describe('project workflow (time-skipping server)', function () {
  this.timeout(180_000);
  let rig: WorkflowRig;
  let env: TestWorkflowEnvironment;
  let db: DataSource;

  before(async () => {
    rig = await startWorkflowRig({
      prepare: async (database) => {
        await declaredYear(database, era, 2030);
        await declaredYear(database, era, 2031);
      },
    });
    ({ env, db } = rig);
  });
  after(async () => {
    await rig?.stop();
  });

  const advanceTo = (shanghai: string): Promise<void> => advanceServerTo(env, shanghai);
  const events = (projectId: string) => db.getRepository(ProjectEvent).find({ where: { projectId }, order: { seq: 'ASC' } });

  it('when a key project runs for two months, then missing reports are urged at the period end, the clock warns and runs over, and continue-as-new loses nothing', async () => {
    // Registered Mon 2030-11-25 10:00 (no holiday declared until the new year); 20 working days, the
    // registration day not counted: due Mon 12-23 17:30, yellow with 10 left at Mon 12-09 17:30.
    await advanceTo(era('2030-11-25T10:00:00'));
    const input: ProjectWorkflowInput = {
      projectId: uniqueId('p').slice(0, 36), code: `XM-${era('2030-11-25').replaceAll('-', '')}-0001`, name: '新能源汽车零部件产业园', key: true, agent,
      registeredBy: clerk, limitWorkingDays: 20, historyLimit: 40,
    };
    const handle = await env.client.workflow.start(projectWorkflow, { taskQueue: rig.taskQueue, workflowId: projectWorkflowId(input.projectId), args: [input] });
    const first = await handle.describe();
    await eventually(async () => expect(await db.getRepository(Project).findOneBy({ id: input.projectId })).to.include({ status: 'landUse', key: true }));

    // The registration half-month is exempt; a report in it still counts.
    await handle.executeUpdate(submitReportUpdate, { args: [{ actor: agent, progress: '完成项目备案，正在编制用地材料' }] });
    await handle.executeUpdate(openStageUpdate, { args: [{ actor: clerk, stage: 'landUse', caseId: 'case-1' }] });
    const outOfOrder = await handle.executeUpdate(openStageUpdate, { args: [{ actor: clerk, stage: 'engineering', caseId: 'case-2' }] }).catch((err: unknown) => err);
    expect(outOfOrder).to.be.instanceOf(WorkflowUpdateFailedError);

    // 2030-12-H1 passes without a report: urged at 12-16 00:00.
    await advanceTo(era('2030-12-16T09:00:00'));
    await handle.signal(stageConcludedSignal, { caseId: 'case-1', passed: true, caseStatus: 'delivered' });
    await handle.executeUpdate(submitReportUpdate, { args: [{ actor: agent, progress: '用地规划许可已办结', problems: '环评专家评审排期较紧' }] });
    // 2030-12-H2 was reported; 2031-01-H1 was not: urged at 01-16 00:00.
    await advanceTo(era('2031-01-16T09:00:00'));

    const rows = await eventually(async () => {
      const found = await events(input.projectId);
      expect(found.map((row) => row.action)).to.include('PROJECT_OVERDUE');
      expect(found.filter((row) => row.action === 'REPORT_URGED')).to.have.length(2);
      return found;
    });
    expect(rows.map((row) => row.seq)).to.deep.equal(rows.map((_, i) => i + 1));
    expect(rows.map((row) => [row.action, minute(row.at), row.detail?.period ?? row.toState])).to.deep.equal([
      ['REGISTERED', era('2030-11-25T10:00'), 'landUse'],
      ['REPORT', era('2030-11-25T10:00'), era('2030-11-H2')],
      ['OPEN_STAGE', era('2030-11-25T10:00'), 'landUse'],
      ['PROJECT_WARNING', era('2030-12-09T17:30'), 'landUse'],
      ['REPORT_URGED', era('2030-12-16T00:00'), era('2030-12-H1')],
      ['STAGE_CONCLUDED', era('2030-12-16T09:00'), 'engineering'],
      ['REPORT', era('2030-12-16T09:00'), era('2030-12-H2')],
      ['PROJECT_OVERDUE', era('2030-12-23T17:30'), 'engineering'],
      ['REPORT_URGED', era('2031-01-16T00:00'), era('2031-01-H1')],
    ]);

    const view = await handle.query(projectStateQuery);
    expect(view.runs).to.be.greaterThan(1);
    expect((await handle.describe()).runId).to.not.equal(first.runId);
    expect(view).to.deep.include({ status: 'engineering', openCaseId: null, light: 'red', reportedPeriods: [era('2030-11-H2'), era('2030-12-H2')] });
    expect(view.stages).to.deep.equal([{ stage: 'landUse', caseId: 'case-1', passed: true, caseStatus: 'delivered' }]);
    expect(view.clock).to.deep.include({ warned: true, overdue: true });
    expect(minute(view.clock.dueAt)).to.equal(era('2030-12-23T17:30'));

    const project = await db.getRepository(Project).findOneByOrFail({ id: input.projectId });
    expect(project).to.include({ status: 'engineering', light: 'red', lastReportPeriod: era('2030-12-H2') });
    expect(project.version).to.be.greaterThan(rows.length - 1);

    const notices = await db.getRepository(Notification).find({ order: { id: 'ASC' } });
    expect(notices.map((n) => [n.template, n.recipientRole, n.recipient, n.payload.period ?? null])).to.deep.equal([
      ['project.warning', 'supervisor', 'supervision-office', null],
      ['project.warning', 'agent', 'agent1', null],
      ['project.report-missing', 'supervisor', 'supervision-office', era('2030-12-H1')],
      ['project.report-missing', 'agent', 'agent1', era('2030-12-H1')],
      ['project.overdue', 'supervisor', 'supervision-office', null],
      ['project.overdue', 'agent', 'agent1', null],
      ['project.report-missing', 'supervisor', 'supervision-office', era('2031-01-H1')],
      ['project.report-missing', 'agent', 'agent1', era('2031-01-H1')],
    ]);
    await handle.terminate('test finished');
  });
});
