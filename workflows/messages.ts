// Signals, queries and updates of the case and step workflows, defined once: the workflows
// register handlers for them and the API invokes them by the same constants (STYLE 2).
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { SignerPosition } from '../domain/approval-panel';
import type { Actor, Applicant, CaseStatus, Channel, Light, MatterSnapshot, StepStatus, SuspensionKind, TimelineEntry } from '../domain/types';
import type { ClockView } from './step-clock';
import type { ApprovalCommitment, MissingMaterial } from '../domain/charts/step-chart';
import type { ProjectContext, ProjectStatus } from '../domain/charts/project-chart';
import type { ProjectStage, ReportPeriod } from '../domain/projects';
import type { StepApproval } from '../domain/approval-panel';
import type { OwedMaterial } from '../domain/charts/case-chart';
import type { CaseDeficiency } from '../domain/deficiency';
import type { StepProjection } from '../activities/projection-types';

export const caseWorkflowId = (caseId: string): string => `case-${caseId}`;
export const stepIdFor = (caseId: string, matterCode: string): string => `${caseId}-${matterCode}`;
export const stepWorkflowId = (stepId: string): string => `step-${stepId}`;

// ---- case -------------------------------------------------------------------------------------

export interface CaseWorkflowInput {
  caseId: string;
  trackingCode: string;
  applicant: Applicant;
  channel: Channel;
  matters: MatterSnapshot[];
  materials: { code: string }[];
  projectName?: string;
  registeredBy: Actor;
  /** The proxy agent (代办员) assigned at registration. */
  agent?: { id: number; username: string };
  /** The project stage this case applies for: the project hears when the case ends. */
  project?: { id: string; stage: ProjectStage; /** `XM-…`, for search (absent on cases registered before it was kept). */ code?: string };
}

export interface ActorInput {
  actor: Actor;
}
/** 容缺受理: accept with non-core materials owed, to be handed in within `workingDays`. */
export interface AcceptWithDeficiencyInput extends ActorInput {
  owed: OwedMaterial[];
  workingDays: number;
}
export interface RefuseCaseInput extends ActorInput {
  reason: string;
}
export interface RequestSupplementInput extends ActorInput {
  missing: { code: string; note?: string }[];
}
export interface ReceiveSupplementInput extends ActorInput {
  materials: { code: string }[];
}
export interface WithdrawCaseInput extends ActorInput {
  reason?: string;
}

/** What every case action answers once the read model shows its effect. */
export interface CaseActionResult {
  id: string;
  trackingCode: string;
  status: CaseStatus;
  version: number;
}

export interface StepOutcome {
  stepId: string;
  matterCode: string;
  departmentCode: string;
  status: Extract<StepStatus, 'approved' | 'rejected'>;
}

export interface CaseView extends CaseActionResult {
  allowedEvents: string[];
  steps: { id: string; matterCode: string; departmentCode: string; outcome?: StepOutcome['status'] }[];
  timeline: TimelineEntry[];
  /** 容缺: what is still owed and by when (absent when nothing was tolerated). */
  deficiency?: CaseDeficiency;
}

/** Sent with start (update-with-start): answers once the registered case is in the read model. */
export const registerCaseUpdate = defineUpdate<CaseActionResult, [ActorInput]>('registerCase');
export const acceptCaseUpdate = defineUpdate<CaseActionResult, [ActorInput]>('acceptCase');
export const acceptWithDeficiencyUpdate = defineUpdate<CaseActionResult, [AcceptWithDeficiencyInput]>('acceptWithDeficiency');
export const refuseCaseUpdate = defineUpdate<CaseActionResult, [RefuseCaseInput]>('refuseCase');
export const requestSupplementUpdate = defineUpdate<CaseActionResult, [RequestSupplementInput]>('requestSupplement');
export const receiveSupplementUpdate = defineUpdate<CaseActionResult, [ReceiveSupplementInput]>('receiveSupplement');
export const deliverCaseUpdate = defineUpdate<CaseActionResult, [ActorInput]>('deliverCase');
export const withdrawCaseUpdate = defineUpdate<CaseActionResult, [WithdrawCaseInput]>('withdrawCase');
export const caseStateQuery = defineQuery<CaseView>('caseState');

// ---- step -------------------------------------------------------------------------------------

export interface StepWorkflowInput {
  stepId: string;
  caseId: string;
  matter: MatterSnapshot;
  channel: Channel;
  // Clock inputs (absent in steps started before step clocks existed).
  acceptedAt?: string;
  /** The committed limit after green-channel compression, in working days. */
  limitDays?: number;
  jointHandling?: boolean;
  applicantPhone?: string;
  /** The case's proxy agent, copied on the applicant's notices. */
  agentUsername?: string;
}

/** What a step tells its case whenever its clock changes, so the case is as late as its latest step. */
export interface StepClockReport {
  stepId: string;
  dueAt: string | null;
  light: Light;
}

export interface StepActionResult {
  id: string;
  caseId: string;
  status: StepStatus;
  version: number;
  /** The step as the action left it, as projected: the API answers with it. Absent from older runs' answers. */
  step?: StepProjection;
}

export interface ApproveStepInput extends ActorInput {
  opinion: string;
  /** 告知承诺制: approved on the applicant's commitment; a post-approval check follows. */
  commitment?: ApprovalCommitment;
}
export interface RejectStepInput extends ActorInput {
  reason: string;
  legalBasis: string;
}
export interface SuspendStepInput extends ActorInput {
  kind: SuspensionKind;
  reason: string;
  /** Told to the applicant in the written notice (§45). */
  expectedWorkingDays?: number;
}
export interface ExtendStepInput extends ActorInput {
  workingDays: number;
  reason: string;
}
export interface TransferStepInput extends ActorInput {
  /** Another reviewer of the step's department (the API checks who). */
  to: { id: number; username: string };
  reason: string;
}

export interface StepView extends StepActionResult {
  allowedEvents: string[];
  assignee: { id: number; username: string } | null;
  clock: ClockView | null;
  /** The panel, who has signed and whose decision it awaits; null on single-assignee steps. */
  approval?: (StepApproval & { awaiting: string[] }) | null;
}

export const claimStepUpdate = defineUpdate<StepActionResult, [ActorInput]>('claimStep');
export const startReviewUpdate = defineUpdate<StepActionResult, [ActorInput]>('startReview');
export const approveStepUpdate = defineUpdate<StepActionResult, [ApproveStepInput]>('approveStep');
export const rejectStepUpdate = defineUpdate<StepActionResult, [RejectStepInput]>('rejectStep');
export const suspendStepUpdate = defineUpdate<StepActionResult, [SuspendStepInput]>('suspendStep');
export const resumeStepUpdate = defineUpdate<StepActionResult, [ActorInput]>('resumeStep');
export const extendStepUpdate = defineUpdate<StepActionResult, [ExtendStepInput]>('extendStep');
export const transferStepUpdate = defineUpdate<StepActionResult, [TransferStepInput]>('transferStep');
/** 退回签收: the assignee (or the leader) gives the step back to the department inbox. */
export interface ReleaseStepInput extends ActorInput {
  reason?: string;
}
export const releaseStepUpdate = defineUpdate<StepActionResult, [ReleaseStepInput]>('releaseStep');
/** 委派: another reviewer of the department reviews for the assignee (the API checks who). */
export interface DelegateStepInput extends ActorInput {
  to: { id: number; username: string };
  reason: string;
}
export const delegateStepUpdate = defineUpdate<StepActionResult, [DelegateStepInput]>('delegateStep');
/** The delegate hands the step back with an opinion; the assignee decides. */
export interface ReturnDelegationInput extends ActorInput {
  opinion: string;
}
export const returnDelegationUpdate = defineUpdate<StepActionResult, [ReturnDelegationInput]>('returnDelegation');
/** 加签: reviewers of the department (the API checks who) sign before, after or beside the one awaited. */
export interface AddSignersInput extends ActorInput {
  position: SignerPosition;
  usernames: string[];
  reason: string;
}
export const addSignersUpdate = defineUpdate<StepActionResult, [AddSignersInput]>('addSigners');
/** 退回: to the previous signer of a 依次 panel, or to the window with every missing material. */
export type SendBackStepInput = ActorInput & ({ to: 'previous'; reason: string } | { to: 'window'; reason: string; missing: MissingMaterial[] });
export const sendBackStepUpdate = defineUpdate<StepActionResult, [SendBackStepInput]>('sendBackStep');
/** The window received the supplement a 退回 asked for: the step's 补正 pause ends. */
export interface SupplementStepInput extends ActorInput {
  materials: { code: string }[];
}
export const supplementStepUpdate = defineUpdate<StepActionResult, [SupplementStepInput]>('supplementStep');
export const stepStateQuery = defineQuery<StepView>('stepState');
/** The working-day calendar changed: re-plan the running clock. */
export const calendarChangedSignal = defineSignal<[{ date: string }]>('calendarChanged');
export const stepClockSignal = defineSignal<[StepClockReport]>('stepClock');

// ---- project ----------------------------------------------------------------------------------

export const projectWorkflowId = (projectId: string): string => `project-${projectId}`;

export interface ProjectWorkflowInput {
  projectId: string;
  /** `XM-YYYYMMDD-NNNN` */
  code: string;
  name: string;
  /** 重点项目: green channel, a dedicated proxy agent, half-monthly progress reports. */
  key: boolean;
  agent?: { id: number; username: string };
  registeredBy: Actor;
  /** Whole-project limit in working days. */
  limitWorkingDays: number;
  /** Continue as new once the history holds this many events (the server's suggestion counts too). */
  historyLimit?: number;
  /** State handed over by continue-as-new; absent on the first run. */
  carried?: ProjectCarryOver;
}

/** Everything a project run hands to the next one. */
export interface ProjectCarryOver {
  snapshot: { value: string; context: ProjectContext };
  seq: number;
  version: number;
  projections: number;
  registeredAt: string;
  clock: ProjectClockState;
  stages: ProjectStageRecord[];
  /** The next half-month whose report is checked at its end. */
  nextReportPeriod: ReportPeriod | null;
  runs: number;
}

export interface ProjectClockState {
  warnAt: string;
  dueAt: string;
  provisional: boolean;
  warned: boolean;
  overdue: boolean;
}

export interface ProjectStageRecord {
  stage: ProjectStage;
  caseId: string;
  /** Absent while the case is under way. */
  passed?: boolean;
  caseStatus?: CaseStatus;
}

export interface ProjectActionResult {
  id: string;
  status: ProjectStatus;
  version: number;
}

export interface OpenStageInput extends ActorInput {
  stage: ProjectStage;
  caseId: string;
}
export interface SubmitReportInput extends ActorInput {
  progress: string;
  problems?: string;
}
/** A stage's case reached its end (delivered, refused or withdrawn). */
export interface CloseProjectInput extends ActorInput {
  reason: string;
}
export interface StageConcludedInput {
  caseId: string;
  passed: boolean;
  caseStatus: CaseStatus;
}

export interface ProjectView extends ProjectActionResult {
  allowedEvents: string[];
  openCaseId: string | null;
  reportedPeriods: string[];
  stages: ProjectStageRecord[];
  clock: ProjectClockState;
  light: Light;
  /** Runs of the workflow so far: 1 until it continues as new. */
  runs: number;
}

export const registerProjectUpdate = defineUpdate<ProjectActionResult, [ActorInput]>('registerProject');
export const openStageUpdate = defineUpdate<ProjectActionResult, [OpenStageInput]>('openStage');
export const submitReportUpdate = defineUpdate<ProjectActionResult, [SubmitReportInput]>('submitReport');
export const closeProjectUpdate = defineUpdate<ProjectActionResult, [CloseProjectInput]>('closeProject');
export const stageConcludedSignal = defineSignal<[StageConcludedInput]>('stageConcluded');
export const projectStateQuery = defineQuery<ProjectView>('projectState');
