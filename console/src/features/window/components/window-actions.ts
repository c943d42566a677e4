// Which window actions the case page offers in each case status. The server's chart still decides:
// an action it refuses answers 409 with the actions allowed, shown in place.
import type { CaseSummary, Deficiency, Material, TimelineEntry } from '../../../lib/types';

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

export function windowActionsFor(kase: Pick<CaseSummary, 'status'> & { deficiency?: Deficiency | null; timeline?: TimelineEntry[] }): WindowAction[] {
  const actions = [...(BY_STATUS[kase.status] ?? [])];
  const owes = (kase.deficiency?.owed.length ?? 0) > 0 || stepsAwaitingWindow(kase.timeline ?? []).length > 0;
  if (owes && !actions.includes('receiveSupplements')) actions.unshift('receiveSupplements');
  return actions;
}

/** 退回 to the window: steps whose SEND_BACK {to: "window"} has no SUPPLEMENTED after it yet. */
export function stepsAwaitingWindow(timeline: TimelineEntry[]): { stepId: string; missing: { code: string; name?: string; note?: string }[] }[] {
  const waiting = new Map<string, { code: string; name?: string; note?: string }[]>();
  for (const entry of timeline) {
    if (!entry.stepId) continue;
    if (entry.action === 'SEND_BACK' && entry.detail?.to === 'window') {
      waiting.set(entry.stepId, Array.isArray(entry.detail.missing) ? entry.detail.missing as { code: string }[] : []);
    }
    if (entry.action === 'SUPPLEMENTED') waiting.delete(entry.stepId);
  }
  return [...waiting].map(([stepId, missing]) => ({ stepId, missing }));
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

/** Codes handed in so far: at registration and with every supplement since. */
export function materialsHandedIn(timeline: TimelineEntry[]): Set<string> {
  const codes = new Set<string>();
  for (const entry of timeline) {
    if (entry.action !== 'REGISTERED' && entry.action !== 'SUPPLEMENT_RECEIVED') continue;
    const listed = Array.isArray(entry.detail?.materials) ? entry.detail.materials as (string | { code?: string })[] : [];
    for (const item of listed) {
      const code = typeof item === 'string' ? item : item.code;
      if (code) codes.add(code);
    }
  }
  return codes;
}

/** 受理 needs every required material: those still missing (the server refuses 受理 with the same list). */
export function acceptanceShortfall(materials: Material[], timeline: TimelineEntry[]): Material[] {
  const handedIn = materialsHandedIn(timeline);
  return materials.filter((material) => material.required && !handedIn.has(material.code));
}
