// The window's calls: catalogue, 材料预审, 收件登记, the clerk's case actions, lists and papers.
import { api, unwrap } from '../../../lib/api';
import { ApiProblem } from '../../../lib/problem';
import { getSession } from '../../../lib/session';
import type { CaseSummary, CaseView, Page, Precheck } from '../../../lib/types';
import type { paths } from '../../../lib/api-schema';

type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;

export type RegisterBody = Body<'/api/cases'>;
export type CaseStatus = NonNullable<NonNullable<paths['/api/cases']['get']['parameters']['query']>['status']>;

export const precheck = (body: Body<'/api/cases/precheck'>) => unwrap<Precheck>(api.POST('/api/cases/precheck', { body }));

export const register = (body: RegisterBody) =>
  unwrap<{ id: string; trackingCode: string; status: string; precheck: Precheck }>(api.POST('/api/cases', { body }));

export const getCase = (id: string) => unwrap<CaseView>(api.GET('/api/cases/{id}', { params: { path: { id } } }));

export const listCases = (query: { status?: CaseStatus; q?: string; page?: number; pageSize?: number }) =>
  unwrap<Page<CaseSummary>>(api.GET('/api/cases', { params: { query } }));

const path = (id: string) => ({ params: { path: { id } } });

export const caseActions = {
  accept: (id: string) => unwrap<CaseView>(api.POST('/api/cases/{id}/accept', { ...path(id), body: {} })),
  refuse: (id: string, body: Body<'/api/cases/{id}/refuse'>) => unwrap<CaseView>(api.POST('/api/cases/{id}/refuse', { ...path(id), body })),
  requestSupplement: (id: string, body: Body<'/api/cases/{id}/supplement-requests'>) =>
    unwrap<CaseView>(api.POST('/api/cases/{id}/supplement-requests', { ...path(id), body })),
  acceptWithDeficiency: (id: string, body: Body<'/api/cases/{id}/accept-with-deficiency'>) =>
    unwrap<CaseView>(api.POST('/api/cases/{id}/accept-with-deficiency', { ...path(id), body })),
  receiveSupplements: (id: string, body: Body<'/api/cases/{id}/supplements'>) =>
    unwrap<CaseView>(api.POST('/api/cases/{id}/supplements', { ...path(id), body })),
  deliver: (id: string) => unwrap<CaseView>(api.POST('/api/cases/{id}/deliver', { ...path(id), body: {} })),
  withdraw: (id: string, body: Body<'/api/cases/{id}/withdraw'>) => unwrap<CaseView>(api.POST('/api/cases/{id}/withdraw', { ...path(id), body })),
};

/** Printable papers need the bearer token: fetch the page and open it in a new tab. */
export async function openPrintable(url: string): Promise<void> {
  const tab = window.open('', '_blank');
  const answer = await fetch(url, { headers: { Authorization: `Bearer ${getSession()?.token ?? ''}`, Accept: 'text/html' } });
  if (!answer.ok) {
    tab?.close();
    const body = (await answer.json().catch(() => ({}))) as { title?: string; detail?: string };
    throw new ApiProblem({ status: answer.status, title: body.title ?? answer.statusText, detail: body.detail });
  }
  const html = await answer.text();
  const blob = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  if (tab) tab.location.href = blob;
  else window.location.href = blob;
}

export const receiptUrl = (id: string) => `/api/cases/${encodeURIComponent(id)}/receipt?format=html`;
