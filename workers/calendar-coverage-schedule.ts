// The Temporal Schedule that runs the calendar coverage check every morning (Asia/Shanghai), and
// once as soon as it is created. Creating it again finds it: every worker may ensure it at start.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';

export const CALENDAR_COVERAGE_SCHEDULE_ID = 'calendar-coverage';

/** True when this call created the schedule; false when it was there already. */
export async function ensureCalendarCoverageSchedule(client: Client, taskQueue: string): Promise<boolean> {
  try {
    await client.schedule.create({
      scheduleId: CALENDAR_COVERAGE_SCHEDULE_ID,
      spec: { calendars: [{ hour: 6, minute: 0 }], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowType: 'calendarCoverageWorkflow', taskQueue, workflowId: CALENDAR_COVERAGE_SCHEDULE_ID },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      state: { triggerImmediately: true, note: '日历覆盖检查：今后 130 个工作日是否进入未发布节假日安排的年份' },
    });
    return true;
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return false;
    throw err;
  }
}
