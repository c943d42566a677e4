// The case-level clock: a case is as late as its latest open step.
import type { Light } from '../domain/types';
import type { StepClockReport } from './messages';

const LIGHT_ORDER: Light[] = ['green', 'yellow', 'red'];

/** The latest due instant and the worst light among the given steps; green once none is open. */
export function caseClock(reports: StepClockReport[], open: boolean): { dueAt: string | null; light: Light } {
  const dues = reports.map((report) => report.dueAt).filter((due): due is string => due !== null).sort();
  const worst = reports.reduce((light, report) => (LIGHT_ORDER.indexOf(report.light) > LIGHT_ORDER.indexOf(light) ? report.light : light), 'green' as Light);
  return { dueAt: dues.at(-1) ?? null, light: open ? worst : 'green' };
}
