// The API's only way into Temporal: start a case, send an action (update) to a case or a step.
// An update to a workflow that is not running (a step not yet dispatched, a case already
// closed) is reported as `NotRunning`, so routes can answer 409 from the read model's state.
import { WithStartWorkflowOperation, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  calendarChangedSignal, caseWorkflowId, projectWorkflowId, registerCaseUpdate, registerProjectUpdate, stageConcludedSignal, stepWorkflowId,
  type ActorInput, type CaseActionResult, type CaseWorkflowInput, type ProjectActionResult, type ProjectWorkflowInput, type StageConcludedInput,
} from '../workflows/messages';
import type { caseWorkflow, projectWorkflow } from '../workflows';
import { caseSearchAttributes, caseSummary, projectSearchAttributes, projectSummary } from '../workflows/search-attributes';

export class NotRunning extends Error {}

/** Workflows whose deadlines follow the working-day calendar, by business id. */
export interface RunningClocks {
  steps: string[];
  cases: string[];
  projects: string[];
}

export function createWorkflowGateway(client: Client, taskQueue: string) {
  /** `updateId`: a retry with the same id gets the first outcome instead of a second action. */
  const send = async <R, A>(workflowId: string, update: UpdateDefinition<R, [A]>, args: A, updateId?: string): Promise<R> => {
    try {
      return await client.workflow.getHandle(workflowId).executeUpdate(update, { args: [args], ...(updateId ? { updateId } : {}) });
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw new NotRunning(workflowId);
      throw err;
    }
  };

  return {
    /**
     * Starts `case-<id>`, findable by its tracking code (workflows/search-attributes.ts), and answers once the registration is in the read model. With an
     * `updateId` (a retry of the same request derives the same case id and update id) an existing
     * case is joined rather than refused, and its registration's first outcome is the answer.
     */
    registerCase(input: CaseWorkflowInput, registration: ActorInput, updateId?: string): Promise<CaseActionResult> {
      const start = new WithStartWorkflowOperation<typeof caseWorkflow>('caseWorkflow', {
        workflowId: caseWorkflowId(input.caseId),
        taskQueue,
        args: [input],
        typedSearchAttributes: caseSearchAttributes(input),
        staticSummary: caseSummary(input),
        workflowIdConflictPolicy: updateId ? 'USE_EXISTING' : 'FAIL',
      });
      return client.workflow.executeUpdateWithStart(registerCaseUpdate, { args: [registration], startWorkflowOperation: start, ...(updateId ? { updateId } : {}) });
    },
    /** Starts `project-<id>` and answers once the registration is in the read model. */
    registerProject(input: ProjectWorkflowInput, registration: ActorInput, updateId?: string): Promise<ProjectActionResult> {
      const start = new WithStartWorkflowOperation<typeof projectWorkflow>('projectWorkflow', {
        workflowId: projectWorkflowId(input.projectId),
        taskQueue,
        args: [input],
        typedSearchAttributes: projectSearchAttributes(input),
        staticSummary: projectSummary(input),
        workflowIdConflictPolicy: updateId ? 'USE_EXISTING' : 'FAIL',
      });
      return client.workflow.executeUpdateWithStart(registerProjectUpdate, { args: [registration], startWorkflowOperation: start, ...(updateId ? { updateId } : {}) });
    },
    projectAction: <R, A>(projectId: string, update: UpdateDefinition<R, [A]>, args: A, updateId?: string): Promise<R> => send(projectWorkflowId(projectId), update, args, updateId),
    /** Gives a stage back when its case could not be started after the stage was opened for it. */
    releaseStage: (projectId: string, input: StageConcludedInput): Promise<void> =>
      client.workflow.getHandle(projectWorkflowId(projectId)).signal(stageConcludedSignal, input),
    caseAction: <R, A>(caseId: string, update: UpdateDefinition<R, [A]>, args: A, updateId?: string): Promise<R> => send(caseWorkflowId(caseId), update, args, updateId),
    stepAction: <R, A>(stepId: string, update: UpdateDefinition<R, [A]>, args: A, updateId?: string): Promise<R> => send(stepWorkflowId(stepId), update, args, updateId),
    /**
     * Signals every given step, case and project that a calendar day changed, so each re-plans
     * its deadlines; those that already closed are skipped.
     */
    async calendarChanged(running: RunningClocks, date: string): Promise<void> {
      const workflowIds = [
        ...running.steps.map(stepWorkflowId), ...running.cases.map(caseWorkflowId), ...running.projects.map(projectWorkflowId),
      ];
      await Promise.all(workflowIds.map(async (workflowId) => {
        try {
          await client.workflow.getHandle(workflowId).signal(calendarChangedSignal, { date });
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
        }
      }));
    },
  };
}

export type WorkflowGateway = ReturnType<typeof createWorkflowGateway>;
