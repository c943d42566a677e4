// The papers the window hands out — 受理通知书, 不予受理通知书, 一次性告知书, 办结（出件）通知书 — as
// plain objects built from the case as the read model holds it and the catalogue: names beside
// every code, instants with +08:00 and written the Chinese way. html.ts prints the same objects.
import { toShanghaiIso } from '../../domain/time';
import { acceptanceNumber, type SupplementItem } from '../../domain/window';
import type { AuditEvent, CaseRecord, Department, Matter, Step } from '../../entities';
import { materialsHandedIn, receiptOf } from '../receipt';

export const PAPER_KINDS = ['acceptance', 'refusal', 'one-time-notice', 'result'] as const;
export type PaperKind = typeof PAPER_KINDS[number];

export const PAPER_TITLES: Record<PaperKind, string> = {
  acceptance: '受理通知书',
  refusal: '不予受理通知书',
  'one-time-notice': '一次性告知书',
  result: '办结（出件）通知书',
};

/** Why a paper does not exist yet, for the 409. */
export const PAPER_MISSING: Record<PaperKind, string> = {
  acceptance: '本件尚未受理，暂无受理通知书',
  refusal: '本件未作不予受理决定，暂无不予受理通知书',
  'one-time-notice': '本件未发出补正告知，暂无一次性告知书',
  result: '本件尚未统一出件，暂无办结（出件）通知书',
};

/** `2026-12-07T17:30:00+08:00` (or any instant) → `2026年12月7日`. */
export function chineseDate(instant: string | Date | null): string | null {
  const iso = toShanghaiIso(instant);
  if (!iso) return null;
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** `2026-12-07T17:30:00+08:00` → `2026年12月7日 17:30`. */
export function chineseDateTime(instant: string | Date | null): string | null {
  const iso = toShanghaiIso(instant);
  return iso ? `${chineseDate(iso)} ${iso.slice(11, 16)}` : null;
}

export interface PaperMatter {
  code: string;
  name: string;
  departmentCode: string;
  departmentName: string;
  committedDays: number | null;
  dueAt: string | null;
  dueOn: string | null;
}

export interface NamedMaterial {
  code: string;
  name: string;
  note: string | null;
}

interface PaperHead {
  kind: PaperKind;
  title: string;
  serviceCenter: string;
  trackingCode: string;
  /** The public tracking page the QR code points to. */
  trackingUrl: string;
  applicant: string;
  projectName: string | null;
  issuedAt: string | null;
  issuedOn: string | null;
  issuedBy: string | null;
  matters: PaperMatter[];
}

export interface AcceptancePaper extends PaperHead {
  kind: 'acceptance';
  acceptanceNumber: string | null;
  materialsReceived: NamedMaterial[];
  /** 容缺受理: what is owed and by when. */
  materialsOwed: NamedMaterial[];
  supplementDueAt: string | null;
  supplementDueOn: string | null;
}

export interface RefusalPaper extends PaperHead {
  kind: 'refusal';
  reason: string;
}

export interface OneTimeNoticePaper extends PaperHead {
  kind: 'one-time-notice';
  /** Every request made at the window, oldest first; the last one is the current notice. */
  requests: { round: number; requestedAt: string | null; requestedOn: string | null; requestedBy: string | null; items: (NamedMaterial & { newlyArising: boolean })[] }[];
}

export interface ResultPaper extends PaperHead {
  kind: 'result';
  deliveredAt: string | null;
  deliveredOn: string | null;
  deliveredBy: string | null;
  decisions: { matterCode: string; matterName: string; departmentName: string; decision: string; opinion: string | null; reason: string | null; legalBasis: string | null; decidedOn: string | null }[];
}

export type Paper = AcceptancePaper | RefusalPaper | OneTimeNoticePaper | ResultPaper;

export interface PaperSources {
  record: CaseRecord;
  steps: Step[];
  timeline: AuditEvent[];
  /** The case's matters, with their materials. */
  matters: Matter[];
  departments: Department[];
  serviceCenter: string;
  trackingUrl: string;
}

/** Step status → what the result paper says (steps still open say nothing). */
const DECISION_LABELS: Partial<Record<string, string>> = { approved: '准予许可', rejected: '不予许可' };

/** The case's papers, in the order they are issued; only those that exist now. */
export function papersOf(sources: PaperSources): Paper[] {
  return PAPER_KINDS.map((kind) => paperOf(sources, kind)).filter((paper): paper is Paper => paper !== null);
}

/** One paper, or null when it does not exist (yet). */
export function paperOf(sources: PaperSources, kind: PaperKind): Paper | null {
  const { record, steps, timeline, matters, departments } = sources;
  // The same code may carry a different name in each matter (each matter's own application form).
  const inOrder = record.matterCodes.flatMap((code) => matters.filter((matter) => matter.code === code));
  const materialName = (code: string): string => [...new Set(inOrder.flatMap((matter) => [...matter.materials ?? []].sort((x, y) => x.id - y.id))
    .filter((material) => material.code === code).map((material) => material.name))].join('、') || code;
  const departmentName = (code: string): string => departments.find((department) => department.code === code)?.name ?? code;
  const receipt = receiptOf(record, steps, timeline, matters);
  const head = (issuing: AuditEvent | undefined): PaperHead => ({
    kind,
    title: PAPER_TITLES[kind],
    serviceCenter: sources.serviceCenter,
    trackingCode: record.trackingCode,
    trackingUrl: sources.trackingUrl,
    applicant: record.applicantName,
    projectName: record.projectName,
    issuedAt: toShanghaiIso(issuing?.at ?? null),
    issuedOn: chineseDate(issuing?.at ?? null),
    issuedBy: issuing?.actorName ?? null,
    matters: record.matterCodes.map((code) => {
      const matter = matters.find((m) => m.code === code);
      const step = steps.find((s) => s.matterCode === code);
      const departmentCode = step?.departmentCode ?? matter?.departmentCode ?? '';
      return {
        code,
        name: matter?.name ?? code,
        departmentCode,
        departmentName: departmentName(departmentCode),
        committedDays: step?.limitDays ?? matter?.committedDays ?? null,
        dueAt: toShanghaiIso(step?.dueAt ?? null),
        dueOn: chineseDateTime(step?.dueAt ?? null),
      };
    }),
  });

  switch (kind) {
    case 'acceptance': {
      const accepted = timeline.find((event) => event.action === 'ACCEPT' || event.action === 'ACCEPT_WITH_DEFICIENCY');
      if (!accepted || !record.acceptedAt || receipt?.kind !== 'acceptance') return null;
      return {
        ...head(accepted),
        kind,
        acceptanceNumber: acceptanceNumber(record.acceptedAt, record.trackingCode),
        materialsReceived: materialsHandedIn(timeline).map((code) => ({ code, name: materialName(code), note: null })),
        materialsOwed: receipt.materialsOwed.map(({ code, name, note }) => ({ code, name: name ?? materialName(code), note })),
        supplementDueAt: receipt.supplementDueAt,
        supplementDueOn: chineseDateTime(receipt.supplementDueAt),
      };
    }
    case 'refusal': {
      const refused = timeline.find((event) => event.action === 'REFUSE');
      if (!refused) return null;
      return { ...head(refused), kind, reason: String(refused.detail?.reason ?? '') };
    }
    case 'one-time-notice': {
      const requests = timeline.filter((event) => event.action === 'REQUEST_SUPPLEMENT' && Array.isArray(event.detail?.missing));
      if (requests.length === 0) return null;
      return {
        ...head(requests.at(-1)),
        kind,
        requests: requests.map((event, i) => ({
          round: i + 1,
          requestedAt: toShanghaiIso(event.at),
          requestedOn: chineseDate(event.at),
          requestedBy: event.actorName,
          items: (event.detail!.missing as SupplementItem[]).map(({ code, note, newlyArising }) => ({
            code, name: materialName(code), note: note ?? null, newlyArising: newlyArising === true,
          })),
        })),
      };
    }
    case 'result': {
      const delivered = timeline.find((event) => event.action === 'DELIVER');
      if (!delivered) return null;
      return {
        ...head(delivered),
        kind,
        deliveredAt: toShanghaiIso(delivered.at),
        deliveredOn: chineseDate(delivered.at),
        deliveredBy: delivered.actorName,
        decisions: record.matterCodes.map((code) => {
          const step = steps.find((s) => s.matterCode === code);
          const matter = matters.find((m) => m.code === code);
          return {
            matterCode: code,
            matterName: matter?.name ?? code,
            departmentName: departmentName(step?.departmentCode ?? matter?.departmentCode ?? ''),
            decision: (step && DECISION_LABELS[step.status]) ?? '未作决定',
            opinion: step?.opinion ?? null,
            reason: step?.reason ?? null,
            legalBasis: step?.legalBasis ?? null,
            decidedOn: chineseDate(step?.decidedAt ?? null),
          };
        }),
      };
    }
  }
}
