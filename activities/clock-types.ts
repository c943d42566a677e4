// Calendar answers a step workflow asks for. Workflows never do calendar arithmetic themselves:
// these activities answer and history records the instants (DESIGN §2, Time).

export interface PlanStepClockInput {
  /** Where counting starts: the acceptance instant (its own day is not counted) or a resume instant. */
  from: string;
  fromAcceptance: boolean;
  remainingDays: number;
  legalRemainingDays: number;
  /** Working days left at which the light turns yellow. */
  warningDays: number;
}

export interface StepClockPlan {
  /** The instant closes start counting from (end of the acceptance day, or the resume instant). */
  countFrom: string;
  warnAt: string;
  dueAt: string;
  legalDueAt: string;
  provisional: boolean;
}

export interface PlanEscalationInput {
  dueAt: string;
  superviseAfterDays: number;
  orderDeadlineDays: number;
}

export interface EscalationPlan {
  superviseAt: string;
  orderDeadlineAt: string;
  provisional: boolean;
}

export interface PlanSupplementDeadlineInput {
  acceptedAt: string;
  workingDays: number;
}

export interface SupplementDeadline {
  /** Close of office on the N-th working day after the acceptance day (容缺 补齐期限). */
  dueAt: string;
  provisional: boolean;
}

export interface ClockActivities {
  planStepClock(input: PlanStepClockInput): Promise<StepClockPlan>;
  planEscalation(input: PlanEscalationInput): Promise<EscalationPlan>;
  /** Working-day closes in (from, to]: the working days a running clock consumed. */
  countWorkingDays(input: { from: string; to: string }): Promise<number>;
  /** 容缺: when the owed materials are due, counted like a step's limit from the acceptance. */
  planSupplementDeadline(input: PlanSupplementDeadlineInput): Promise<SupplementDeadline>;
}
