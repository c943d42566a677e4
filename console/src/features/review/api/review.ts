// The department's calls: inbox, steps and their actions, the case behind a step, leaders' lists.
import { api, unwrap } from '../../../lib/api';
import type { CaseSummary, CaseView, Page, StepView } from '../../../lib/types';
import type { paths } from '../../../lib/api-schema';

type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
export type ApproveBody = Body<'/api/steps/{id}/approve'>;
export type RejectBody = Body<'/api/steps/{id}/reject'>;
export type SuspendBody = Body<'/api/steps/{id}/suspend'>;
export type TransferBody = Body<'/api/steps/{id}/transfer'>;
export type ExtendBody = Body<'/api/steps/{id}/extend'>;
type CaseStatus = NonNullable<NonNullable<paths['/api/cases']['get']['parameters']['query']>['status']>;

export interface SupervisionOrder {
  id: number;
  caseId: string;
  stepId: string;
  matterCode: string;
  departmentCode: string;
  status: string;
  openedAt: string | null;
  deadlineAt: string | null;
  urgeCount: number;
  closedAt: string | null;
  closeNote: string | null;
}

export interface AccountabilityRecord {
  id: number;
  caseId: string;
  stepId: string;
  departmentCode: string;
  card: string | null;
  content: Record<string, unknown>;
  intact: boolean;
  createdAt: string | null;
}

export const inbox = () => unwrap<StepView[]>(api.GET('/api/inbox'));
export const getStep = (id: string) => unwrap<StepView>(api.GET('/api/steps/{id}', { params: { path: { id } } }));
export const getCase = (id: string) => unwrap<CaseView>(api.GET('/api/cases/{id}', { params: { path: { id } } }));
export const listCases = (query: { status?: CaseStatus; pageSize?: number }) =>
  unwrap<Page<CaseSummary>>(api.GET('/api/cases', { params: { query } }));
/** The department's orders (nearest deadline first) and records (newest first): the first page of the largest size. */
const FIRST_PAGE = { page: 1, pageSize: 100 };
export const supervisionOrders = () => unwrap<Page<SupervisionOrder>>(api.GET('/api/supervision-orders', { params: { query: FIRST_PAGE } }));
export const accountabilityRecords = () => unwrap<Page<AccountabilityRecord>>(api.GET('/api/accountability-records', { params: { query: FIRST_PAGE } }));

const path = (id: string) => ({ params: { path: { id } } });

export const stepActions = {
  claim: (id: string) => unwrap<StepView>(api.POST('/api/steps/{id}/claim', { ...path(id), body: {} })),
  approve: (id: string, body: ApproveBody) => unwrap<StepView>(api.POST('/api/steps/{id}/approve', { ...path(id), body })),
  reject: (id: string, body: RejectBody) => unwrap<StepView>(api.POST('/api/steps/{id}/reject', { ...path(id), body })),
  suspend: (id: string, body: SuspendBody) => unwrap<StepView>(api.POST('/api/steps/{id}/suspend', { ...path(id), body })),
  resume: (id: string) => unwrap<StepView>(api.POST('/api/steps/{id}/resume', { ...path(id), body: {} })),
  transfer: (id: string, body: TransferBody) => unwrap<StepView>(api.POST('/api/steps/{id}/transfer', { ...path(id), body })),
  extend: (id: string, body: ExtendBody) => unwrap<StepView>(api.POST('/api/steps/{id}/extend', { ...path(id), body })),
};

export interface JointReview {
  id: number;
  caseId: string;
  topic: string;
  heldOn: string | null;
  leadDepartmentCode: string;
  status: string;
  departments: string[];
  opinions: { departmentCode: string; opinion: string; recordedBy: string | null; recordedAt: string | null }[];
  awaitingOpinions: string[];
  consolidatedOpinion: string | null;
  convenedBy: string | null;
  convenedAt: string | null;
  concludedAt: string | null;
  allowedEvents: string[];
}

export const jointReviews = (caseId: string) =>
  unwrap<JointReview[]>(api.GET('/api/cases/{id}/joint-reviews', { params: { path: { id: caseId } } }));
export const convene = (caseId: string, body: Body<'/api/cases/{id}/joint-reviews'>) =>
  unwrap<JointReview>(api.POST('/api/cases/{id}/joint-reviews', { params: { path: { id: caseId } }, body }));
export const recordOpinion = (id: number, opinion: string) =>
  unwrap<JointReview>(api.POST('/api/joint-reviews/{id}/opinions', { params: { path: { id } }, body: { opinion } }));
export const conclude = (id: number, consolidatedOpinion: string) =>
  unwrap<JointReview>(api.POST('/api/joint-reviews/{id}/conclude', { params: { path: { id } }, body: { consolidatedOpinion } }));

export type DelegateBody = Body<'/api/steps/{id}/delegate'>;
export type AddSignersBody = Body<'/api/steps/{id}/add-signers'>;

export const moreStepActions = {
  release: (id: string, body: Body<'/api/steps/{id}/release'>) => unwrap<StepView>(api.POST('/api/steps/{id}/release', { ...path(id), body })),
  delegate: (id: string, body: DelegateBody) => unwrap<StepView>(api.POST('/api/steps/{id}/delegate', { ...path(id), body })),
  handBack: (id: string, body: Body<'/api/steps/{id}/hand-back'>) => unwrap<StepView>(api.POST('/api/steps/{id}/hand-back', { ...path(id), body })),
  addSigners: (id: string, body: AddSignersBody) => unwrap<StepView>(api.POST('/api/steps/{id}/add-signers', { ...path(id), body })),
  sendBack: (id: string, body: Body<'/api/steps/{id}/send-back'>) => unwrap<StepView>(api.POST('/api/steps/{id}/send-back', { ...path(id), body })),
};
