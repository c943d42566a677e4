// 受理通知书 / 不予受理通知书 as `/api/cases/:id/receipt` answers it in JSON; the printed page is
// the paper of papers/ (names, Chinese dates, the tracking QR code).
import { toShanghaiIso } from '../domain/time';
import { acceptanceNumber } from '../domain/window';
import type { AuditEvent, CaseRecord, Matter, Step } from '../entities';

export interface Receipt {
  kind: 'acceptance' | 'refusal';
  title: string;
  acceptanceNumber: string | null;
  trackingCode: string;
  applicant: string;
  projectName: string | null;
  issuedAt: string | null;
  issuedBy: string | null;
  /** Refusals only: why, as the clerk wrote it. */
  reason: string | null;
  matters: { code: string; name: string; departmentCode: string; committedDays: number | null; dueAt: string | null }[];
  materialsReceived: string[];
  /** 容缺受理: the materials accepted as missing, and when they are due (else empty and null). */
  materialsOwed: { code: string; name: string | null; note: string | null }[];
  supplementDueAt: string | null;
  howToTrack: string;
}

/** What 容缺 acceptance tolerated, as the acceptance recorded it. */
function owedAtAcceptance(accepted: AuditEvent | undefined): { owed: Receipt['materialsOwed']; dueAt: string | null } {
  if (accepted?.action !== 'ACCEPT_WITH_DEFICIENCY') return { owed: [], dueAt: null };
  const owed = Array.isArray(accepted.detail?.owed) ? accepted.detail.owed as { code: string; name?: string; note?: string }[] : [];
  const dueAt = typeof accepted.detail?.dueAt === 'string' ? accepted.detail.dueAt : null;
  return { owed: owed.map(({ code, name, note }) => ({ code, name: name ?? null, note: note ?? null })), dueAt: toShanghaiIso(dueAt) };
}

/** Materials handed in: at registration and with every supplement since. */
export function materialsHandedIn(timeline: AuditEvent[]): string[] {
  return [...new Set([
    ...codesIn(timeline.find((event) => event.action === 'REGISTERED'), 'materials'),
    ...timeline.filter((event) => event.action === 'SUPPLEMENT_RECEIVED').flatMap((event) => codesIn(event, 'materials')),
  ])].sort();
}

const codesIn = (event: AuditEvent | undefined, key: string): string[] => {
  const value = event?.detail?.[key];
  if (!Array.isArray(value)) return [];
  return value.map((item) => (typeof item === 'string' ? item : (item as { code?: unknown }).code)).filter((code): code is string => typeof code === 'string');
};

/** The receipt of an accepted or refused case; null for any other state (nothing to issue yet). */
export function receiptOf(record: CaseRecord, steps: Step[], timeline: AuditEvent[], catalogue: Matter[]): Receipt | null {
  const accepted = timeline.find((event) => event.action === 'ACCEPT' || event.action === 'ACCEPT_WITH_DEFICIENCY');
  const refused = timeline.find((event) => event.action === 'REFUSE');
  const issuing = accepted ?? refused;
  if (!issuing || !record.acceptedAt && !refused) return null;
  const received = materialsHandedIn(timeline);
  const tolerated = owedAtAcceptance(accepted);
  return {
    kind: accepted ? 'acceptance' : 'refusal',
    title: accepted ? '受理通知书' : '不予受理通知书',
    acceptanceNumber: accepted && record.acceptedAt ? acceptanceNumber(record.acceptedAt, record.trackingCode) : null,
    trackingCode: record.trackingCode,
    applicant: record.applicantName,
    projectName: record.projectName,
    issuedAt: toShanghaiIso(issuing.at),
    issuedBy: issuing.actorName,
    reason: accepted ? null : String(refused?.detail?.reason ?? ''),
    matters: record.matterCodes.map((code) => {
      const matter = catalogue.find((m) => m.code === code);
      const step = steps.find((s) => s.matterCode === code);
      return {
        code,
        name: matter?.name ?? code,
        departmentCode: step?.departmentCode ?? matter?.departmentCode ?? '',
        committedDays: step?.limitDays ?? matter?.committedDays ?? null,
        dueAt: toShanghaiIso(step?.dueAt ?? null),
      };
    }),
    materialsReceived: received,
    materialsOwed: tolerated.owed,
    supplementDueAt: tolerated.dueAt,
    howToTrack: `凭查询码 ${record.trackingCode} 及申请人手机号后四位查询办理进度`,
  };
}
