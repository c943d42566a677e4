// 工程建设项目 and 重点项目, pure: the four approval stages in their order, the whole-project
// limit, and the half-month periods of a key project's progress reports (半月汇报).

/** The stages a construction project passes, in order; each is one parallel approval (one form). */
export const PROJECT_STAGES = [
  { code: 'landUse', name: '立项用地规划许可' },
  { code: 'engineering', name: '工程建设许可' },
  { code: 'construction', name: '施工许可' },
  { code: 'acceptance', name: '竣工验收' },
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number]['code'];
export const PROJECT_STAGE_CODES = PROJECT_STAGES.map((stage) => stage.code) as [ProjectStage, ...ProjectStage[]];

export const PROJECT_POLICY = {
  /** Whole-project clock: registration to the last stage's delivery, in working days. */
  limitWorkingDays: 120,
  /**
   * The 工程建设项目 ceiling: a project may be given less time, never more (国办发〔2019〕11号,
   * 全流程审批时间压减至 120 个工作日以内). A region with a documented other ceiling changes it here.
   */
  maxLimitWorkingDays: 120,
  /** Yellow when at most this many working days of the project limit are left. */
  warningDays: 10,
} as const;

export function stageName(code: ProjectStage): string {
  return PROJECT_STAGES.find((stage) => stage.code === code)!.name;
}

/** The stage after `code`, or null after the last one. */
export function nextStage(code: ProjectStage): ProjectStage | null {
  return PROJECT_STAGE_CODES[PROJECT_STAGE_CODES.indexOf(code) + 1] ?? null;
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A half-month in Asia/Shanghai: the 1st–15th (`H1`) or the 16th–month end (`H2`). */
export interface ReportPeriod {
  /** `2026-11-H2` */
  period: string;
  startsAt: string;
  /** Exclusive end, which is also the report's deadline: the next period's start. */
  endsAt: string;
}

/** The half-month period containing `instant` (Shanghai calendar, midnight boundaries). */
export function reportPeriodAt(instant: string): ReportPeriod {
  const local = new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  const firstHalf = local.getUTCDate() <= 15;
  const start = Date.UTC(year, month, firstHalf ? 1 : 16) - SHANGHAI_OFFSET_MS;
  const end = (firstHalf ? Date.UTC(year, month, 16) : Date.UTC(year, month + 1, 1)) - SHANGHAI_OFFSET_MS;
  return {
    period: `${year}-${String(month + 1).padStart(2, '0')}-${firstHalf ? 'H1' : 'H2'}`,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(end).toISOString(),
  };
}

/** The period after `period`. */
export function followingPeriod(period: ReportPeriod): ReportPeriod {
  return reportPeriodAt(period.endsAt);
}
