// Which window actions the case page offers in each case status. The server's chart still decides:
// an action it refuses answers 409 with the actions allowed, shown in place.
import type { CaseSummary, Deficiency } from '../../../lib/types';

export type WindowAction = 'accept' | 'acceptWithDeficiency' | 'requestSupplement' | 'receiveSupplements' | 'refuse' | 'deliver' | 'withdraw';

const BY_STATUS: Record<string, WindowAction[]> = {
  submitted: ['accept', 'acceptWithDeficiency', 'requestSupplement', 'refuse', 'withdraw'],
  supplementRequested: ['receiveSupplements', 'refuse', 'withdraw'],
  accepted: ['withdraw'],
  inReview: ['withdraw'],
  suspended: ['withdraw'],
  approved: ['deliver'],
  partiallyApproved: ['deliver'],
  denied: ['deliver'],
};

export function windowActionsFor(kase: Pick<CaseSummary, 'status'> & { deficiency?: Deficiency | null }): WindowAction[] {
  const actions = [...(BY_STATUS[kase.status] ?? [])];
  if (kase.deficiency?.owed.length && !actions.includes('receiveSupplements')) actions.unshift('receiveSupplements');
  return actions;
}

/** The window's to-do: what each waiting case needs from the clerk. */
export const WAITING_STATUSES = ['submitted', 'supplementRequested', 'approved', 'partiallyApproved', 'denied'] as const;
export const NEXT_STEP: Record<string, string> = {
  submitted: '待受理',
  supplementRequested: '待收取补正材料',
  approved: '待统一出件',
  partiallyApproved: '待统一出件',
  denied: '待统一出件（不予许可）',
};
