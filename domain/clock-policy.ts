// Deadline and escalation policy (DESIGN §3, 电子监察). Pure numbers and rules; the calendar
// arithmetic that turns them into instants happens in activities, so history records the answers.
import type { Channel } from './types';

export const CLOCK_POLICY = {
  /** 绿色通道: limits compressed to this share of the committed limit… */
  greenChannelShare: 0.5,
  /** …but never below this many working days. */
  greenChannelMinimumDays: 1,
  /** Yellow when at most this many working days are left… */
  warningDays: 2,
  /** …or at most this share of the limit, whichever comes first. */
  warningShare: 1 / 3,
  /** Still overdue this many working days after the due instant → 督办 order. */
  superviseAfterDays: 2,
  /** A 督办 order's own deadline, in working days after it opens. */
  orderDeadlineDays: 2,
  /** §42: extension bounds, single department vs joint handling (联合办理). */
  maxExtensionDays: { single: 10, joint: 15 },
} as const;

/** The step's limit in working days: the matter's committed limit, compressed on the green channel. */
export function stepLimitDays(committedDays: number, channel: Channel): number {
  if (channel !== 'green' || committedDays === 0) return committedDays;
  return Math.max(CLOCK_POLICY.greenChannelMinimumDays, Math.ceil(committedDays * CLOCK_POLICY.greenChannelShare));
}

/** Working days left at which the light turns yellow: ≤ 2 days left, or ≤ 1/3 of the limit. */
export function warningThresholdDays(limitDays: number): number {
  return Math.max(CLOCK_POLICY.warningDays, Math.floor(limitDays * CLOCK_POLICY.warningShare));
}

export function maxExtensionDays(jointHandling: boolean): number {
  return jointHandling ? CLOCK_POLICY.maxExtensionDays.joint : CLOCK_POLICY.maxExtensionDays.single;
}
