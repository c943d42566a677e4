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

/** 加签: where added members sign relative to the member the panel awaits (or the assignee). */
export const SIGNER_POSITIONS = ['before', 'after', 'parallel'] as const;
export type SignerPosition = (typeof SIGNER_POSITIONS)[number];

/**
 * The panel after 加签, or null when the addition does not fit: nobody named, a name twice or
 * already on the panel, no assignee to sign beside on a step without a panel, or `parallel` in a
 * 依次 panel (which has no "at the same time").
 *
 * - Without a panel the assignee becomes a member: `before` / `after` → 依次 with the added
 *   members before / after the assignee; `parallel` → 会签 of the assignee and the added members.
 * - 依次: `before` inserts them ahead of the member awaited now, `after` right behind that member.
 * - 会签 / 或签: they join the panel (every member signs, or any one decides, as before).
 */
export function withAddedSigners(
  panel: ApprovalPanel | undefined, signatures: readonly Signature[], assignee: string | undefined, position: SignerPosition, usernames: readonly string[],
): ApprovalPanel | null {
  if (!Array.isArray(usernames) || usernames.length === 0 || new Set(usernames).size !== usernames.length) return null;
  if (usernames.some((username) => typeof username !== 'string' || username.trim() === '')) return null;
  if (!isPanel(panel)) {
    if (!assignee || usernames.includes(assignee)) return null;
    if (position === 'parallel') return { mode: 'all', approvers: [assignee, ...usernames] };
    return { mode: 'sequential', approvers: position === 'before' ? [...usernames, assignee] : [assignee, ...usernames] };
  }
  if (usernames.some((username) => panel.approvers.includes(username))) return null;
  if (panel.mode !== 'sequential') return { mode: panel.mode, approvers: [...panel.approvers, ...usernames] };
  if (position === 'parallel') return null;
  const awaited = awaitedSigners(panel, signatures)[0];
  if (awaited === undefined) return null;
  const at = panel.approvers.indexOf(awaited) + (position === 'after' ? 1 : 0);
  return { mode: 'sequential', approvers: [...panel.approvers.slice(0, at), ...usernames, ...panel.approvers.slice(at)] };
}
