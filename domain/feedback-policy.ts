// 效能投诉 and 好差评 policy (pure numbers and rules). The deadlines are working days on the
// calendar, turned into instants by the calendar service at the API.

export const FEEDBACK_POLICY = {
  /** A complaint is to be resolved within this many working days after it was received. */
  complaintResolutionDays: 5,
  /** A bad rating's follow-up (回访整改) is due this many working days after the rating. */
  followUpDays: 5,
} as const;

/** 好差评 levels, 5 best: 非常满意 满意 基本满意 不满意 非常不满意. */
export const EVALUATION_LEVELS = [1, 2, 3, 4, 5] as const;
export type EvaluationLevel = (typeof EVALUATION_LEVELS)[number];

export const EVALUATION_LEVEL_NAMES: Record<EvaluationLevel, string> = {
  5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意',
};

/** 差评: levels 1 and 2 open a follow-up. */
export const isBadRating = (level: number): boolean => level <= 2;
/** 好评: levels 4 and 5. */
export const isGoodRating = (level: number): boolean => level >= 4;

/** `TS-20261121-0001`: the complaint's number, unique per day. */
export function complaintNumber(receivedOn: string, sequence: number): string {
  return `TS-${receivedOn.replace(/-/g, '')}-${String(sequence).padStart(4, '0')}`;
}
