import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Period } from '../api/supervision';

const shanghaiToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The reporting period: this month up to today (Shanghai dates) until the user picks another. */
export function usePeriod() {
  const [period, setPeriod] = useState<Period>(() => {
    const to = shanghaiToday();
    return { from: `${to.slice(0, 8)}01`, to };
  });
  const range: [Dayjs, Dayjs] = [dayjs(period.from), dayjs(period.to)];
  const onRange = (values: [Dayjs | null, Dayjs | null] | null) => {
    if (values?.[0] && values[1]) setPeriod({ from: values[0].format('YYYY-MM-DD'), to: values[1].format('YYYY-MM-DD') });
  };
  return { period, range, onRange };
}
