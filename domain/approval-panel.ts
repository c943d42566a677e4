// 会签 / 或签 / 依次: how the approvers of one step decide. Pure rules shared by the step chart
// (which decides legality), the step workflow (timeline details) and the read model (who is
// still to sign). A step without a panel, or with mode `single`, is decided by its one assignee.

export const APPROVAL_MODES = ['single', 'all', 'any', 'sequential'] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

/** A matter's approval panel: usernames of reviewers of the matter's department. */
export interface ApprovalPanel {
  mode: ApprovalMode;
  approvers: string[];
}

/** One member's approval, recorded while the panel has not yet decided. */
export interface Signature {
  username: string;
  opinion: string;
}

/** True when the step is decided by a panel rather than by its one assignee. */
export function isPanel(panel: ApprovalPanel | null | undefined): panel is ApprovalPanel {
  return panel != null && panel.mode !== 'single' && Array.isArray(panel.approvers) && panel.approvers.length > 0;
}

const signedBy = (signatures: readonly Signature[]): Set<string> => new Set(signatures.map((signature) => signature.username));

/** Members who have not signed yet, in the panel's order. */
export function remainingSigners(panel: ApprovalPanel, signatures: readonly Signature[]): string[] {
  if (panel.mode === 'any') return signatures.length > 0 ? [] : [...panel.approvers];
  const signed = signedBy(signatures);
  return panel.approvers.filter((username) => !signed.has(username));
}

/**
 * Members whose decision the panel takes now: in `all` and `any` every member yet to sign, in
 * `sequential` only the next in the listed order.
 */
export function awaitedSigners(panel: ApprovalPanel, signatures: readonly Signature[]): string[] {
  const remaining = remainingSigners(panel, signatures);
  return panel.mode === 'sequential' ? remaining.slice(0, 1) : remaining;
}

/** A member may decide (approve or reject) only while the panel awaits their decision. */
export function mayDecide(panel: ApprovalPanel, signatures: readonly Signature[], username: string | undefined): boolean {
  return username !== undefined && awaitedSigners(panel, signatures).includes(username);
}

/** True when this member's approval is the one that approves the step. */
export function completesPanel(panel: ApprovalPanel, signatures: readonly Signature[], username: string | undefined): boolean {
  if (!mayDecide(panel, signatures, username)) return false;
  return panel.mode === 'any' || remainingSigners(panel, signatures).length === 1;
}

/** A panel step as the read model shows it: the panel and who has signed, when. */
export interface StepApproval {
  mode: ApprovalMode;
  members: string[];
  signed: { username: string; opinion: string; at: string }[];
}
