// What the supervision office (效能办) sees: the 效能监察 metric rows (JSON and CSV) and the live
// board. Definitions of every figure: docs/supervision.md, Metrics (效能监察).
import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import type { Clock } from '../../config/clock';
import type { WorkingCalendar } from '../../domain/calendar';
import { officeDaySeconds, officeSecondsBetween } from '../../domain/metrics/working-time';
import { roundDays } from '../../domain/metrics/rates';
import { toShanghaiIso } from '../../domain/time';
import { AccountabilityRecord, SupervisionOrder } from '../../entities';
import { actorOf } from '../auth';
import type { RouteBook } from '../endpoints';
import { boardAnswer, metricRowAnswer, metricsCsv } from '../answers';
import { checkPeriod, periodInstants, periodShape, withResolvedPeriod, type Period } from '../period';
import { METRIC_GROUPS, createSupervisionReads, type MetricGroup, type NamedMetricRow } from '../supervision-reads';
import { accountabilityView, departmentScope, orderView } from './supervision';

const metricsQuery = z.object({
  ...periodShape,
  groupBy: z.enum(METRIC_GROUPS).default('department'),
  format: z.enum(['json', 'csv']).default('json'),
}).transform(withResolvedPeriod).superRefine(checkPeriod);

const boardQuery = z.object({
  ...periodShape,
  limit: z.coerce.number().int().min(1).max(100).default(10),
}).transform(withResolvedPeriod).superRefine(checkPeriod);

/** CSV columns, in order: the JSON row's fields. */
const CSV_COLUMNS: Array<keyof NamedMetricRow> = [
  'key', 'name', 'accepted', 'completed', 'completionRate', 'earlyCompletionRate', 'overdueRate',
  'avgActualWorkingDays', 'avgCommittedDays', 'avgLegalDays', 'speedupRate',
];

function sendCsv(res: Response, rows: NamedMetricRow[], period: Period, groupBy: MetricGroup): void {
  // A BOM so spreadsheet programs read the Chinese names as UTF-8; empty cells for null.
  const csv = stringify(rows.map((row) => CSV_COLUMNS.map((column) => row[column])), {
    header: true, columns: CSV_COLUMNS as string[], bom: true, cast: { number: (value) => String(value) },
  });
  res.type('text/csv; charset=utf-8')
    .attachment(`metrics-${groupBy}-${period.from}-${period.to}.csv`)
    .send(csv);
}

export function createMetricsRouter({ db, calendar, clock, book }: { db: DataSource; calendar: { current(): Promise<WorkingCalendar> }; clock: Clock; book: RouteBook }) {
  const routes = book.router();
  const reads = createSupervisionReads(db);

  const metricRows = async (period: Period, groupBy: MetricGroup): Promise<NamedMetricRow[]> =>
    reads.metrics(period, groupBy, officeDaySeconds(await calendar.current()));

  routes.route({
    method: 'get', path: '/api/metrics', tag: 'supervision office', summary: '效能监察 figures per department or matter over a period (JSON, or CSV with format=csv)',
    access: ['supervisor'], query: metricsQuery,
    answer: { 'application/json': z.array(metricRowAnswer), 'text/csv': metricsCsv },
    responses: { 200: 'rows `{key, name, accepted, completed, completionRate, earlyCompletionRate, overdueRate, avgActualWorkingDays, avgCommittedDays, avgLegalDays, speedupRate}`' },
  }, async ({ query: { format, groupBy, ...period } }, _req, res) => {
    const rows = await metricRows(period, groupBy);
    if (format === 'csv') sendCsv(res, rows, period, groupBy);
    else res.json(rows);
  });

  routes.route({
    method: 'get', path: '/api/metrics.csv', tag: 'supervision office', summary: 'The same rows as CSV', access: ['supervisor'],
    query: metricsQuery, produces: 'text/csv', answer: metricsCsv, responses: { 200: 'CSV with a header row' },
  }, async ({ query: { groupBy, ...period } }, _req, res) => {
    sendCsv(res, await metricRows(period, groupBy), period, groupBy);
  });

  routes.route({
    method: 'get', path: '/api/board', tag: 'supervision office', summary: 'Live board: open steps by light, oldest overdue, open orders, records in the period',
    access: ['supervisor', 'leader'], query: boardQuery, answer: boardAnswer, responses: { 200: 'the board' },
  }, async ({ query: { limit, ...period } }, req, res) => {
    const scope = departmentScope(actorOf(req));
    const departmentFilter = scope !== null ? { departmentCode: scope } : {};
    const { start, end } = periodInstants(period);
    const orders = db.getRepository(SupervisionOrder);
    const records = db.getRepository(AccountabilityRecord).createQueryBuilder('r')
      .where('r.created_at >= :start AND r.created_at < :end', { start, end });
    if (scope !== null) records.andWhere('r.department_code = :scope', { scope });
    const [lights, overdue, openOrders, openOrderCount, [recordRows, recordCount], workingCalendar] = await Promise.all([
      reads.openStepsByLight(scope),
      reads.oldestOverdue(scope, limit),
      orders.find({ where: { status: 'open', ...departmentFilter }, order: { deadlineAt: 'ASC', id: 'ASC' }, take: limit }),
      orders.count({ where: { status: 'open', ...departmentFilter } }),
      records.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').take(limit).getManyAndCount(),
      calendar.current(),
    ]);
    const now = clock.now().toISOString();
    const day = officeDaySeconds(workingCalendar);
    res.json({
      period,
      asOf: toShanghaiIso(now),
      openSteps: lights,
      oldestOverdue: overdue.map((step) => ({
        stepId: step.id,
        caseId: step.caseId,
        matterCode: step.matterCode,
        departmentCode: step.departmentCode,
        status: step.status,
        assignee: step.assigneeName,
        dueAt: toShanghaiIso(step.dueAt),
        // Office time since the due instant, in working days (the measure of the metrics).
        lateWorkingDays: roundDays(officeSecondsBetween(workingCalendar, step.dueAt!.toISOString(), now) / day),
        card: step.card,
      })),
      supervisionOrders: { open: openOrderCount, items: openOrders.map(orderView) },
      accountabilityRecords: { count: recordCount, items: recordRows.map(accountabilityView) },
    });
  });

  return routes.express;
}
