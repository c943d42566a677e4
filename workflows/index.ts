// Entry point the worker bundles (workflowsPath).
export { caseWorkflow } from './case-workflow';
export { stepWorkflow } from './step-workflow';
export { projectWorkflow } from './project-workflow';
export { calendarCoverageWorkflow } from './calendar-coverage';
