// The daily calendar coverage check (日历覆盖检查), as the workflow sees it.

export const COVERAGE_POLICY = {
  /** How far ahead the check looks: longer than any statutory limit plus its extension. */
  lookaheadWorkingDays: 130,
} as const;

export interface CoverageInput {
  /** The instant the check runs for (the workflow's time). */
  asOf: string;
  lookaheadWorkingDays?: number;
}

export interface CoverageResult {
  /** Close of office on the last working day the look-ahead reaches. */
  horizon: string;
  /** Years from `asOf` to `horizon` with neither a published nor an imported schedule. */
  provisionalYears: number[];
  /** Open steps whose due instant falls in such a year, by year. */
  runningDeadlines: { year: number; steps: number }[];
  /** Notices written by this run (each warning is written once, ever). */
  noticesWritten: number;
}

export interface CalendarCoverageActivities {
  checkCalendarCoverage(input: CoverageInput): Promise<CoverageResult>;
}
