// Bulk data for `npm run bench:reads`: N cases over the last ~23 months with their steps, the
// metric facts and daily rollups the projection would have written, complaints, ratings,
// 督办 orders and accountability records, inserted with multi-row INSERTs. Deterministic (a
// seeded generator), so two runs measure the same data.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { contentHash } from '../activities/content-hash';
import { createCalendarService } from '../activities/calendar-service';
import { shanghaiDate, type WorkingCalendar } from '../domain/calendar';
import { stepLimitDays, warningThresholdDays } from '../domain/clock-policy';
import { complaintNumber, FEEDBACK_POLICY } from '../domain/feedback-policy';
import { stepWorkingTime } from '../domain/metrics/working-time';
import type { CaseStatus, Channel, Light, StepStatus } from '../domain/types';
import { wordGrams } from '../domain/word-grams';
import { CENTER_SCOPE } from '../entities';
import { DEMO_CATALOGUE } from '../entities/seed';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** mulberry32: small, fast, good enough to spread bench data. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Row = unknown[];

/** Multi-row INSERT in chunks; `rows` are arrays in `columns` order. */
async function insertRows(db: DataSource, table: string, columns: string[], rows: Row[], chunk = 2000): Promise<void> {
  for (let first = 0; first < rows.length; first += chunk) {
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ?`, [rows.slice(first, first + chunk)]);
  }
}

interface Rollup { accepted: number; completed: number; early: number; late: number; workingSeconds: number; committedDays: number; legalDays: number }

export interface SeedSummary {
  cases: number;
  steps: number;
  openSteps: number;
  complaints: number;
  evaluations: number;
  supervisionOrders: number;
  accountabilityRecords: number;
  seconds: number;
}

export async function seedReads(db: DataSource, { cases, now }: { cases: number; now: Date }): Promise<SeedSummary> {
  const started = performance.now();
  const random = generator(20261121);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const calendar: WorkingCalendar = await createCalendarService({ db }).current();
  const matters = DEMO_CATALOGUE.matters.filter((matter) => !matter.instant);
  const nowMs = now.getTime();
  // Shanghai midnight 690 days ago: cases arrive during office hours from then on.
  const firstMs = Date.parse(`${shanghaiDate(new Date(nowMs - 690 * DAY_MS).toISOString())}T00:00:00+08:00`);

  const caseRows: Row[] = [];
  const stepRows: Row[] = [];
  const metricRows: Row[] = [];
  const rollups = new Map<string, Rollup>();
  const redSteps: Array<{ caseId: string; stepId: string; departmentCode: string; matterCode: string; dueAt: Date }> = [];
  const delivered: Array<{ caseId: string; deliveredAt: Date }> = [];
  const departmentRows: Row[] = [];
  const caseCounts = new Map<string, number>();
  let openSteps = 0;

  for (let i = 0; i < cases; i += 1) {
    const caseId = randomUUID();
    const trackingCode = Array.from({ length: 10 }, () => TRACKING_ALPHABET[Math.floor(random() * 32)]).join('') + String(i % 10);
    // Spread evenly over the days, during office hours.
    const dayOffset = Math.floor(random() * 690);
    const submitted = new Date(Math.min(nowMs - 3 * HOUR_MS, firstMs + dayOffset * DAY_MS + (9 + random() * 8) * HOUR_MS));
    const acceptedAt = new Date(submitted.getTime() + random() * 2 * HOUR_MS);
    const channel: Channel = random() < 0.1 ? 'green' : 'standard';
    // One to three distinct matters: two on average.
    const chosen = [...matters].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 3));
    const fate = random();
    const refused = fate < 0.01;
    const withdrawn = !refused && fate < 0.03;
    let caseStatus: CaseStatus = refused ? 'refused' : withdrawn ? 'withdrawn' : 'inReview';
    let anyOpen = false;
    let anyRejected = false;
    let caseDueMs = 0;
    let worstLight: Light = 'green';
    let decidedMax = 0;

    for (const matter of (refused ? [] : chosen)) {
      const stepId = `${caseId}-${matter.code}`;
      const limit = stepLimitDays(matter.committedDays, channel);
      const due = new Date(calendar.dueAt(acceptedAt.toISOString(), limit).at);
      const legalDue = new Date(calendar.dueAt(acceptedAt.toISOString(), matter.legalDays).at);
      caseDueMs = Math.max(caseDueMs, due.getTime());
      // Most steps are decided within their limit; some run late; recent ones are still open.
      const takes = Math.max(1, Math.round(limit * (0.2 + random() * 1.0)));
      let decidedAt = new Date(calendar.dueAt(acceptedAt.toISOString(), takes).at);
      decidedAt = new Date(decidedAt.getTime() - random() * 6 * HOUR_MS);
      const decided = !withdrawn && decidedAt.getTime() < nowMs;
      const status: StepStatus = withdrawn ? 'claimed' : decided ? (random() < 0.05 ? 'rejected' : 'approved') : pick(['pending', 'claimed', 'inReview', 'suspended'] as const);
      let light: Light = 'green';
      if (!decided) {
        if (due.getTime() < nowMs) light = 'red';
        else if (calendar.closesBetween(now.toISOString(), due.toISOString()).count <= warningThresholdDays(limit)) light = 'yellow';
        if (!withdrawn) {
          anyOpen = true;
          openSteps += 1;
          if (light === 'red') redSteps.push({ caseId, stepId, departmentCode: matter.departmentCode, matterCode: matter.code, dueAt: due });
          if (light === 'red' || (light === 'yellow' && worstLight === 'green')) worstLight = light;
        }
      }
      anyRejected ||= status === 'rejected';
      if (decided) decidedMax = Math.max(decidedMax, decidedAt.getTime());
      stepRows.push([
        stepId, caseId, matter.code, matter.departmentCode, status, decided || status !== 'pending' ? 1000 + (i % 50) : null,
        decided || status !== 'pending' ? `officer-${matter.departmentCode}` : null, light, due, decided ? '同意。' : null,
        status === 'rejected' ? '不符合规划条件' : null, status === 'rejected' ? '《城乡规划法》第四十条' : null, decided ? decidedAt : null,
        decided ? decidedAt : acceptedAt, 3 + (decided ? 2 : 0), legalDue, limit, null,
      ]);
      const acceptedOn = shanghaiDate(acceptedAt.toISOString());
      const seconds = decided ? stepWorkingTime(calendar, { acceptedAt: acceptedAt.toISOString(), decidedAt: decidedAt.toISOString(), pauses: [] }).seconds : null;
      const early = decided ? decidedAt < due : null;
      const late = decided ? decidedAt > due : null;
      metricRows.push([
        stepId, caseId, matter.departmentCode, matter.code, acceptedAt, acceptedOn, matter.legalDays, 1, decided ? 1 : 0,
        decided ? decidedAt : null, decided ? status : null, due, decided ? limit : null, seconds, early, late, light, withdrawn ? 1 : 0,
      ]);
      const key = `${acceptedOn}|${matter.departmentCode}|${matter.code}`;
      const sums = rollups.get(key) ?? { accepted: 0, completed: 0, early: 0, late: 0, workingSeconds: 0, committedDays: 0, legalDays: 0 };
      sums.accepted += 1;
      if (decided) {
        sums.completed += 1;
        sums.early += early ? 1 : 0;
        sums.late += late ? 1 : 0;
        sums.workingSeconds += seconds!;
        sums.committedDays += limit;
        sums.legalDays += matter.legalDays;
      }
      rollups.set(key, sums);
    }

    let deliveredAt: Date | null = null;
    if (caseStatus === 'inReview' && !anyOpen) {
      deliveredAt = new Date(decidedMax + random() * 2 * DAY_MS);
      caseStatus = deliveredAt.getTime() < nowMs ? 'delivered' : anyRejected ? 'denied' : 'approved';
      if (caseStatus !== 'delivered') deliveredAt = null;
      else delivered.push({ caseId, deliveredAt });
    }
    const caseLight: Light = anyOpen ? worstLight : 'green';
    for (const scope of [CENTER_SCOPE, ...new Set(chosen.filter(() => !refused).map((m) => m.departmentCode))]) {
      const key = `${scope}|${caseStatus}|${caseLight}|${channel}`;
      caseCounts.set(key, (caseCounts.get(key) ?? 0) + 1);
      if (scope !== CENTER_SCOPE) departmentRows.push([scope, caseId, submitted, caseStatus, caseLight, channel]);
    }
    caseRows.push([
      caseId, trackingCode, caseStatus, channel, `申请单位${i}`, `138${String(i).padStart(8, '0')}`, null, random() < 0.3 ? `重点项目${i}` : null,
      JSON.stringify(chosen.map((m) => m.code)), caseLight, refused ? null : new Date(caseDueMs), 1, submitted,
      refused ? null : acceptedAt, !anyOpen && !withdrawn && !refused ? new Date(decidedMax) : refused ? submitted : null, deliveredAt,
      deliveredAt ?? submitted, 5,
    ]);
  }

  await insertRows(db, 'cases', ['id', 'tracking_code', 'status', 'channel', 'applicant_name', 'applicant_phone', 'applicant_id_number', 'project_name',
    'matter_codes', 'light', 'due_at', 'registered_by_id', 'submitted_at', 'accepted_at', 'decided_at', 'delivered_at', 'updated_at', 'version'], caseRows);
  // The pieces of each case's words, as the case projection writes them (activities/case-index.ts).
  await insertRows(db, 'case_grams', ['gram', 'case_id'], caseRows.flatMap(([caseId, trackingCode, , , applicantName]) =>
    wordGrams(String(trackingCode), String(applicantName)).map((gram) => [gram, caseId])), 5000);
  await insertRows(db, 'steps', ['id', 'case_id', 'matter_code', 'department_code', 'status', 'assignee_id', 'assignee_name', 'light', 'due_at', 'opinion',
    'reason', 'legal_basis', 'decided_at', 'updated_at', 'version', 'legal_due_at', 'limit_days', 'card'], stepRows);
  await insertRows(db, 'case_departments', ['department_code', 'case_id', 'submitted_at', 'status', 'light', 'channel'], departmentRows);
  await insertRows(db, 'case_counts', ['scope', 'status', 'light', 'channel', 'cases'], [...caseCounts.entries()].map(([key, n]) => [...key.split('|'), n]));
  await insertRows(db, 'step_metrics', ['step_id', 'case_id', 'department_code', 'matter_code', 'accepted_at', 'accepted_on', 'legal_days', 'counted',
    'decided', 'decided_at', 'outcome', 'due_at', 'limit_days', 'working_seconds', 'early', 'late', 'light', 'withdrawn'], metricRows);
  await insertRows(db, 'metric_rollups', ['accepted_on', 'department_code', 'matter_code', 'accepted', 'completed', 'early', 'late', 'working_seconds',
    'committed_days', 'legal_days'], [...rollups.entries()].map(([key, s]) => [...key.split('|'), s.accepted, s.completed, s.early, s.late, s.workingSeconds, s.committedDays, s.legalDays]));

  // Ratings for a third of the delivered cases; a bad one carries its follow-up.
  const evaluationRows = delivered.filter(() => random() < 0.33).map(({ caseId, deliveredAt }) => {
    const level = 1 + Math.floor(random() ** 0.5 * 5);
    const createdAt = new Date(Math.min(nowMs - HOUR_MS, deliveredAt.getTime() + random() * 3 * DAY_MS));
    const bad = level <= 2;
    const closed = bad && createdAt.getTime() < nowMs - 10 * DAY_MS;
    return [caseId, level, level <= 2 ? '等待时间较长' : '服务好', createdAt, shanghaiDate(createdAt.toISOString()), bad ? (closed ? 'closed' : 'open') : null,
      bad ? new Date(calendar.dueAt(createdAt.toISOString(), FEEDBACK_POLICY.followUpDays).at) : null, closed ? new Date(createdAt.getTime() + 3 * DAY_MS) : null,
      closed ? 'supervisor1' : null, closed ? '已回访整改' : null];
  });
  await insertRows(db, 'evaluations', ['case_id', 'level', 'comment', 'created_at', 'created_on', 'follow_up_status', 'follow_up_deadline_at', 'follow_up_closed_at',
    'follow_up_closed_by', 'follow_up_note'], evaluationRows);

  // Complaints: about 5 % of the cases, numbered per day.
  const perDay = new Map<string, number>();
  const complaintRows: Row[] = [];
  for (let i = 0; i < Math.round(cases * 0.05); i += 1) {
    const receivedAt = new Date(firstMs + random() * (nowMs - firstMs));
    const receivedOn = shanghaiDate(receivedAt.toISOString());
    const sequence = (perDay.get(receivedOn) ?? 0) + 1;
    perDay.set(receivedOn, sequence);
    const deadlineAt = new Date(calendar.dueAt(receivedAt.toISOString(), FEEDBACK_POLICY.complaintResolutionDays).at);
    const age = nowMs - receivedAt.getTime();
    const status = age > 15 * DAY_MS ? 'resolved' : age > 2 * DAY_MS ? 'assigned' : 'received';
    const department = pick(DEMO_CATALOGUE.departments).code;
    complaintRows.push([
      complaintNumber(receivedOn, sequence), receivedAt, receivedOn, random() < 0.6 ? 'applicant' : 'office', null, department, '窗口办理时间过长', null, null,
      null, status, deadlineAt, null, null, status === 'received' ? null : department, status === 'received' ? null : new Date(receivedAt.getTime() + HOUR_MS),
      status === 'resolved' ? new Date(receivedAt.getTime() + random() * 9 * DAY_MS) : null, status === 'resolved' ? 'supervisor1' : null,
      status === 'resolved' ? '已核查并答复' : null, status === 'resolved' ? random() < 0.3 : null,
    ]);
  }
  await insertRows(db, 'complaints', ['number', 'received_at', 'received_on', 'source', 'case_id', 'department_code', 'content', 'complainant_name',
    'complainant_phone', 'registered_by', 'status', 'deadline_at', 'assignee_id', 'assignee_name', 'assigned_department_code', 'assigned_at', 'resolved_at',
    'resolved_by', 'outcome', 'substantiated'], complaintRows);

  // 督办 orders for the red steps more than two working days late; a record for some of them.
  const ordered = redSteps.filter((step) => calendar.closesBetween(step.dueAt.toISOString(), now.toISOString()).count > 2);
  await insertRows(db, 'supervision_orders', ['order_key', 'case_id', 'step_id', 'department_code', 'matter_code', 'status', 'opened_at', 'deadline_at', 'urge_count'],
    ordered.map((step) => [`step-${step.stepId}:order`, step.caseId, step.stepId, step.departmentCode, step.matterCode, 'open',
      new Date(calendar.nthCloseAfter(step.dueAt.toISOString(), 2).at), new Date(calendar.nthCloseAfter(step.dueAt.toISOString(), 4).at), 0]));
  const orderIds = await db.query('SELECT id, step_id AS stepId, case_id AS caseId, department_code AS departmentCode, deadline_at AS deadlineAt FROM supervision_orders') as
    Array<{ id: number; stepId: string; caseId: string; departmentCode: string; deadlineAt: Date }>;
  const recorded = orderIds.filter((order) => order.deadlineAt.getTime() < nowMs);
  await insertRows(db, 'accountability_records', ['record_key', 'order_id', 'case_id', 'step_id', 'department_code', 'card', 'content', 'content_hash', 'created_at'],
    recorded.map((order) => {
      const content = { stepId: order.stepId, caseId: order.caseId, orderDeadlineAt: order.deadlineAt.toISOString() };
      return [`step-${order.stepId}:accountability`, order.id, order.caseId, order.stepId, order.departmentCode, 'red', JSON.stringify(content), contentHash(content), order.deadlineAt];
    }));
  await db.query('ANALYZE TABLE cases, case_departments, case_counts, steps, step_metrics, metric_rollups, complaints, evaluations, supervision_orders, accountability_records');

  return {
    cases, steps: stepRows.length, openSteps, complaints: complaintRows.length, evaluations: evaluationRows.length,
    supervisionOrders: ordered.length, accountabilityRecords: recorded.length, seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
