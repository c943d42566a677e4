// 一窗受理 rules at the window, pure: the materials pre-check against each matter's list, the
// 一次告知 check on supplement requests, and the acceptance number.

export const WINDOW_POLICY = {
  /**
   * §32: the window tells the applicant what is missing, or decides, within this many working
   * days of receiving the materials; otherwise the application counts as accepted from receipt.
   */
  decisionWorkingDays: 5,
} as const;

export interface MaterialRequirement {
  matterCode: string;
  code: string;
  name: string;
  /** false: may be handed in later (容缺). */
  required: boolean;
  /** Core materials decide the outcome and can never be 容缺. */
  core: boolean;
}

export interface MissingMaterial {
  matterCode: string;
  code: string;
  name: string;
  core: boolean;
}

export interface Precheck {
  /** Every required material is there: the case can be accepted as it stands. */
  complete: boolean;
  /** Required materials not handed in: the list for one 一次告知. */
  missing: MissingMaterial[];
  /** Optional materials not handed in (容缺: may follow after acceptance). */
  deferrable: MissingMaterial[];
  /** Of the missing ones, those that are core: never 容缺. */
  coreMissing: MissingMaterial[];
}

export function precheck(requirements: MaterialRequirement[], submitted: Iterable<string>): Precheck {
  const handedIn = new Set(submitted);
  const absent = requirements.filter((material) => !handedIn.has(material.code));
  const view = ({ matterCode, code, name, core }: MaterialRequirement): MissingMaterial => ({ matterCode, code, name, core });
  const missing = absent.filter((material) => material.required).map(view);
  return {
    complete: missing.length === 0,
    missing,
    deferrable: absent.filter((material) => !material.required).map(view),
    coreMissing: missing.filter((material) => material.core),
  };
}

/**
 * What stands between a case and its acceptance: the required materials neither handed in nor
 * owed under 容缺. A plain acceptance owes nothing, so every missing required material counts;
 * a core material counts even when it is listed as owed (it can never be 容缺).
 */
export function acceptanceShortfall(requirements: MaterialRequirement[], handedIn: Iterable<string>, owed: Iterable<string> = []): MissingMaterial[] {
  const received = new Set(handedIn);
  const tolerated = new Set(owed);
  return precheck(requirements, received).missing.filter((material) => material.core || !tolerated.has(material.code));
}

export interface SupplementItem {
  code: string;
  note?: string;
  /** The need arose after the earlier request (e.g. from a reviewer's finding): not a breach. */
  newlyArising?: boolean;
}

/**
 * 一次告知: the first request must list everything missing. Items of a later request that no
 * earlier request named, and that are not marked as newly arising, breach the rule; the
 * supervision office is told about them.
 */
export function notOneTime(earlierRequests: SupplementItem[][], request: SupplementItem[]): SupplementItem[] {
  if (earlierRequests.length === 0) return [];
  const named = new Set(earlierRequests.flat().map((item) => item.code));
  return request.filter((item) => !named.has(item.code) && item.newlyArising !== true);
}

/** 受理编号: `SL` + the acceptance date in Asia/Shanghai + the tracking code — unique because the code is. */
export function acceptanceNumber(acceptedAt: Date, trackingCode: string): string {
  const shanghai = new Date(acceptedAt.getTime() + 8 * 3_600_000);
  const day = shanghai.toISOString().slice(0, 10).replaceAll('-', '');
  return `SL${day}${trackingCode}`;
}
