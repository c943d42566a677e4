// A step's working-day clock inside its workflow (限时办结 + 电子监察). It keeps the working days
// consumed by finished running segments; pausing adds the segment just ended, resuming plans
// the remaining time from the resume instant — or from the end of the acceptance day when the
// pause lies within it, since that day is never counted. A pause during which no working-day
// close passes therefore never moves the due instant. Milestones fire once each, in ladder order:
// yellow warning → red overdue (leader notified) → 督办 order → accountability record.
// Calendar arithmetic happens in activities, so every instant is in history.
import type { ClockActivities, EscalationPlan, StepClockPlan } from '../activities/clock-types';
import { CLOCK_POLICY, warningThresholdDays } from '../domain/clock-policy';
import type { Light } from '../domain/types';

export type Milestone = 'warning' | 'overdue' | 'supervise' | 'accountability';

export interface ClockView {
  light: Light;
  running: boolean;
  limitDays: number;
  consumedDays: number;
  dueAt: string | null;
  legalDueAt: string | null;
  escalation: EscalationPlan | null;
  fired: Record<Milestone, boolean>;
}

export class StepClock {
  /** Bumped on every change a waiting timer must notice (pause, resume, re-plan). */
  revision = 0;
  private plan: StepClockPlan | null = null;
  private escalationPlan: EscalationPlan | null = null;
  /** Start of the running segment; null while paused. */
  private runningFrom: string | null = null;
  /** Where counting began: the end of the acceptance day. No segment may start before it. */
  private countStart: string | null = null;
  private consumed = 0;
  private queue: Promise<unknown> = Promise.resolve();
  readonly fired: Record<Milestone, boolean> = { warning: false, overdue: false, supervise: false, accountability: false };

  constructor(
    private limitDays: number,
    private readonly legalDays: number,
    private readonly acts: ClockActivities,
    /** False only for steps whose history planned a resume from the bare resume instant. */
    private readonly resumeNotBeforeCountStart = true,
  ) {}

  get light(): Light {
    if (this.fired.overdue) return 'red';
    return this.fired.warning ? 'yellow' : 'green';
  }

  get limit(): number {
    return this.limitDays;
  }

  view(): ClockView {
    return {
      light: this.light,
      running: this.runningFrom !== null,
      limitDays: this.limitDays,
      consumedDays: this.consumed,
      dueAt: this.plan?.dueAt ?? null,
      legalDueAt: this.plan?.legalDueAt ?? null,
      escalation: this.escalationPlan,
      fired: { ...this.fired },
    };
  }

  /** Starts counting at acceptance (the acceptance day itself is not counted). */
  start(acceptedAt: string): Promise<void> {
    return this.serially(async () => {
      this.plan = await this.planFrom(acceptedAt, true);
      this.runningFrom = this.plan.countFrom;
      this.countStart = this.plan.countFrom;
    });
  }

  pause(at: string): Promise<void> {
    return this.serially(async () => {
      if (this.runningFrom === null) return;
      const from = this.runningFrom;
      this.runningFrom = null;
      this.consumed += await this.acts.countWorkingDays({ from, to: at });
    });
  }

  resume(at: string): Promise<void> {
    return this.serially(async () => {
      if (this.runningFrom !== null) return;
      const from = this.resumeNotBeforeCountStart ? later(at, this.countStart) : at;
      this.plan = await this.planFrom(from, false);
      this.runningFrom = from;
    });
  }

  /** An approved extension (延期) or a calendar change: re-plan the running segment. */
  replan(extraDays = 0): Promise<void> {
    return this.serially(async () => {
      this.limitDays += extraDays;
      if (this.runningFrom !== null) this.plan = await this.planFrom(this.runningFrom, false);
      if (this.fired.overdue && !this.fired.supervise && this.plan) this.escalationPlan = await this.planEscalation();
    });
  }

  /** The next milestone to wait for, or null when nothing can fire until the clock changes. */
  next(): { milestone: Milestone; at: string } | null {
    const running = this.runningFrom !== null && this.plan !== null;
    if (!this.fired.warning && running) return { milestone: 'warning', at: this.plan!.warnAt };
    if (!this.fired.overdue && running) return { milestone: 'overdue', at: this.plan!.dueAt };
    // The ladder, once started, does not stop for pauses: it concerns a department already late.
    if (this.fired.overdue && !this.fired.supervise && this.escalationPlan) return { milestone: 'supervise', at: this.escalationPlan.superviseAt };
    if (this.fired.supervise && !this.fired.accountability && this.escalationPlan) return { milestone: 'accountability', at: this.escalationPlan.orderDeadlineAt };
    return null;
  }

  /** Marks a milestone fired; reaching overdue plans the rest of the ladder. */
  markFired(milestone: Milestone): Promise<void> {
    return this.serially(async () => {
      this.fired[milestone] = true;
      if (milestone === 'overdue') this.escalationPlan = await this.planEscalation();
    });
  }

  private planFrom(from: string, fromAcceptance: boolean): Promise<StepClockPlan> {
    return this.acts.planStepClock({
      from,
      fromAcceptance,
      remainingDays: this.limitDays - this.consumed,
      legalRemainingDays: this.legalDays - this.consumed,
      warningDays: warningThresholdDays(this.limitDays),
    });
  }

  private planEscalation(): Promise<EscalationPlan> {
    return this.acts.planEscalation({
      dueAt: this.plan!.dueAt,
      superviseAfterDays: CLOCK_POLICY.superviseAfterDays,
      orderDeadlineDays: CLOCK_POLICY.orderDeadlineDays,
    });
  }

  /** Clock changes run one at a time, in arrival order, and each wakes the timer loop. */
  private serially(change: () => Promise<void>): Promise<void> {
    const run = this.queue.then(change).then(() => {
      this.revision += 1;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** The later of two instants (ISO strings may carry different offsets, so compare as time). */
function later(instant: string, floor: string | null): string {
  return floor !== null && Date.parse(floor) > Date.parse(instant) ? floor : instant;
}
