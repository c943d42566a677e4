// Clock activities: the working-day calendar turned into the instants a step workflow waits for.
import type { WorkingCalendar } from '../domain/calendar';
import type {
  ClockActivities, EscalationPlan, PlanEscalationInput, PlanStepClockInput, PlanSupplementDeadlineInput, StepClockPlan, SupplementDeadline,
} from './clock-types';

export function createClockActivities({ calendar }: { calendar: { current(): Promise<WorkingCalendar> } }): ClockActivities {
  return {
    async planStepClock({ from, fromAcceptance, remainingDays, legalRemainingDays, warningDays }: PlanStepClockInput): Promise<StepClockPlan> {
      const cal = await calendar.current();
      const countFrom = fromAcceptance ? cal.clockStart(from) : from;
      const due = cal.nthCloseAfter(countFrom, remainingDays);
      const legal = cal.nthCloseAfter(countFrom, legalRemainingDays);
      const warn = remainingDays - warningDays >= 1 ? cal.nthCloseAfter(countFrom, remainingDays - warningDays) : { at: from, provisional: false };
      return {
        countFrom,
        warnAt: warn.at,
        dueAt: due.at,
        legalDueAt: legal.at,
        provisional: due.provisional || legal.provisional || warn.provisional,
      };
    },

    async planEscalation({ dueAt, superviseAfterDays, orderDeadlineDays }: PlanEscalationInput): Promise<EscalationPlan> {
      const cal = await calendar.current();
      const supervise = cal.nthCloseAfter(dueAt, superviseAfterDays);
      const deadline = cal.nthCloseAfter(supervise.at, orderDeadlineDays);
      return { superviseAt: supervise.at, orderDeadlineAt: deadline.at, provisional: supervise.provisional || deadline.provisional };
    },

    async countWorkingDays({ from, to }: { from: string; to: string }): Promise<number> {
      return (await calendar.current()).closesBetween(from, to).count;
    },

    async planSupplementDeadline({ acceptedAt, workingDays }: PlanSupplementDeadlineInput): Promise<SupplementDeadline> {
      const due = (await calendar.current()).dueAt(acceptedAt, workingDays);
      return { dueAt: due.at, provisional: due.provisional };
    },
  };
}
