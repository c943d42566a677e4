// The project (工程建设项目) chart: four stages in order, then completed. A stage holds at most
// one open application (its one form); the stage passes when that case is delivered approved,
// and any other ending leaves the stage open for a new application. Progress reports (半月汇报)
// may be handed in at any stage. A project may be closed (终止) with a reason at any stage while no
// application is under way. State names are the project status values.
import { assign, setup } from 'xstate';
import { PROJECT_STAGE_CODES, type ProjectStage } from '../projects';
import { initialSnapshot, type ChartSnapshot } from './chart';

export const PROJECT_STATUSES = [...PROJECT_STAGE_CODES, 'completed', 'closed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface ProjectContext {
  /** The stage's application under way, if any. */
  openCaseId: string | null;
  /** Half-month periods (`2026-11-H2`) with a progress report. */
  reportedPeriods: string[];
}

export type ProjectEvent =
  | { type: 'OPEN_STAGE'; stage: ProjectStage; caseId: string }
  /** The stage's case ended: `passed` when it was delivered approved. */
  | { type: 'STAGE_CONCLUDED'; caseId: string; passed: boolean }
  | { type: 'REPORT'; period: string }
  /** 项目终止: the project ends before its last stage (withdrawn by the applicant, cancelled). */
  | { type: 'CLOSE'; reason: string };

export const PROJECT_EVENT_TYPES = ['OPEN_STAGE', 'STAGE_CONCLUDED', 'REPORT', 'CLOSE'] as const satisfies readonly ProjectEvent['type'][];

// Fails to compile if an event type is added to ProjectEvent but not to PROJECT_EVENT_TYPES.
const _allProjectEventsListed: [Exclude<ProjectEvent['type'], (typeof PROJECT_EVENT_TYPES)[number]>] extends [never] ? true : never = true;

const isNonBlank = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
const concluded = (context: ProjectContext, event: ProjectEvent, passed: boolean): boolean =>
  event.type === 'STAGE_CONCLUDED' && context.openCaseId !== null && event.caseId === context.openCaseId && event.passed === passed;

/** One stage: open an application for it, conclude it, report progress meanwhile. */
function stage(code: ProjectStage, next: ProjectStatus) {
  return {
    on: {
      OPEN_STAGE: { guard: { type: 'opensStage', params: { stage: code } }, actions: 'openCase' },
      STAGE_CONCLUDED: [
        { target: next, guard: 'passedOpenCase', actions: 'closeCase' },
        { guard: 'failedOpenCase', actions: 'closeCase' },
      ],
      REPORT: { guard: 'namesPeriod', actions: 'recordReport' },
      CLOSE: { target: 'closed', guard: 'closable' },
    },
  } as const;
}

export const projectChart = setup({
  types: {
    context: {} as ProjectContext,
    events: {} as ProjectEvent,
  },
  guards: {
    opensStage: ({ context, event }, params: { stage: ProjectStage }) =>
      event.type === 'OPEN_STAGE' && event.stage === params.stage && context.openCaseId === null && isNonBlank(event.caseId),
    passedOpenCase: ({ context, event }) => concluded(context, event, true),
    failedOpenCase: ({ context, event }) => concluded(context, event, false),
    closable: ({ context, event }) => event.type === 'CLOSE' && context.openCaseId === null && isNonBlank(event.reason),
    namesPeriod: ({ event }) => event.type === 'REPORT' && /^\d{4}-\d{2}-H[12]$/.test(event.period),
  },
  actions: {
    openCase: assign({ openCaseId: ({ event }) => (event.type === 'OPEN_STAGE' ? event.caseId : null) }),
    closeCase: assign({ openCaseId: null }),
    recordReport: assign({
      reportedPeriods: ({ context, event }) =>
        (event.type === 'REPORT' && !context.reportedPeriods.includes(event.period) ? [...context.reportedPeriods, event.period] : context.reportedPeriods),
    }),
  },
}).createMachine({
  id: 'project',
  initial: 'landUse',
  context: { openCaseId: null, reportedPeriods: [] },
  states: {
    landUse: stage('landUse', 'engineering'),
    engineering: stage('engineering', 'construction'),
    construction: stage('construction', 'acceptance'),
    acceptance: stage('acceptance', 'completed'),
    completed: { type: 'final' },
    closed: { type: 'final' },
  },
});

export function projectInitialSnapshot(): ChartSnapshot<ProjectContext> {
  return initialSnapshot<ProjectContext>(projectChart);
}
