// One month of the working-day calendar: each day a button that names its date and kind, so the
// grid reads the same to a screen reader and from the keyboard as it looks.
import { Typography } from 'antd';
import type { CalendarDay } from '../api/admin';
import { DAY_STATUS, dayStatus, monthDates } from './calendarDays';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

export function MonthGrid({ year, month, special, selected, onSelect }: {
  year: number;
  month: number;
  special: Map<string, CalendarDay>;
  selected: string | null;
  onSelect: (date: string) => void;
}) {
  const { dates, offset } = monthDates(year, month);
  return (
    <section aria-label={`${year}年${month}月`} style={{ minWidth: 230 }}>
      <Typography.Title level={3} style={{ fontSize: '1em', margin: '0 0 4px' }}>{month}月</Typography.Title>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
        {WEEKDAYS.map((day) => (
          <div key={day} aria-hidden="true" style={{ textAlign: 'center', fontSize: '0.8em', color: '#595959' }}>{day}</div>
        ))}
        {Array.from({ length: offset }, (_, i) => <div key={`blank-${i}`} aria-hidden="true" />)}
        {dates.map((date) => {
          const day = special.get(date);
          const status = DAY_STATUS[dayStatus(date, day)];
          const number = Number(date.slice(8));
          const name = day?.name ? `（${day.name}）` : '';
          return (
            <button
              key={date}
              type="button"
              aria-label={`${month}月${number}日 ${status.label}${name}`}
              aria-pressed={selected === date}
              title={`${status.label}${name}`}
              onClick={() => onSelect(date)}
              style={{
                border: selected === date ? '2px solid #1d4ed8' : '1px solid #f0f0f0',
                background: status.background,
                color: status.color,
                borderRadius: 4,
                padding: '2px 0',
                cursor: 'pointer',
                lineHeight: 1.2,
                fontSize: '0.85em',
              }}
            >
              {number}
              <span style={{ display: 'block', fontSize: '0.75em', minHeight: '1em' }} aria-hidden="true">{status.short}</span>
            </button>
          );
        })}
      </div>
    </section>
  );
}
