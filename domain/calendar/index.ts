export {
  DEFAULT_CLOSE_OF_OFFICE, MAX_SCAN_DAYS, WorkingCalendar, isCalendarDate, shanghaiDate,
  type CalendarDay, type CalendarOptions, type DayInfo, type DayKind,
} from './working-calendar';
export { STATUTORY_YEARS, provisionalDays, publishedDays } from './statutory';
