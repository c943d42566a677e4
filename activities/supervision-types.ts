// Shapes the workflows hand to the supervision activities (电子监察: 督办 and 效能问责). Plain JSON:
// they are recorded in workflow history, so fields may be added but never renamed.

export type SupervisionOrderStatus = 'open' | 'closed';

export interface OpenOrderInput {
  /** Business key chosen by the workflow, e.g. `step-<id>:order`; at most 191 characters. */
  orderKey: string;
  caseId: string;
  stepId: string;
  departmentCode: string;
  matterCode: string;
  /** ISO instants. */
  openedAt: string;
  deadlineAt: string;
}

export interface OpenOrderResult {
  orderId: number;
  status: SupervisionOrderStatus;
}

export interface AccountabilityInput {
  /** Business key chosen by the workflow, e.g. `step-<id>:accountability`; at most 191 characters. */
  recordKey: string;
  orderKey: string;
  /** The facts (matter, assignee, dueAt, overdueSince, order deadline …); hashed as canonical JSON. */
  content: Record<string, unknown>;
  /** ISO instant the record is dated. */
  at: string;
}

export interface AccountabilityResult {
  written: boolean;
  recordId?: number;
  contentHash?: string;
}

export interface SupervisionActivities {
  /** Opens the order once per orderKey; a repeat returns the existing order as it stands. */
  openSupervisionOrder(input: OpenOrderInput): Promise<OpenOrderResult>;
  /**
   * Writes the record only while the order is still open (a 销号 in time prevents it).
   * Idempotent by recordKey: a retry returns the existing record as written.
   */
  recordAccountabilityIfOrderOpen(input: AccountabilityInput): Promise<AccountabilityResult>;
}
