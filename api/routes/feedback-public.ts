// The applicant's voice, without a token: 效能投诉 and 好差评 with the case's tracking code and the
// last four digits of the applicant's phone, as for progress tracking. A wrong phone suffix
// answers exactly like an unknown code.
import { In, type DataSource } from 'typeorm';
import { enqueueWithNotices } from '../../activities/inbox-notices';
import type { NotificationRequest } from '../../activities/notification-types';
import { z } from 'zod';
import type { WorkingCalendar } from '../../domain/calendar';
import { shanghaiDate } from '../../domain/calendar';
import { DELIVERED_CASE_STATUSES } from '../../domain/charts/states';
import { EVALUATION_LEVELS, FEEDBACK_POLICY, isBadRating } from '../../domain/feedback-policy';
import { Evaluation, Matter, type CaseRecord } from '../../entities';
import { toShanghaiIso } from '../../domain/time';
import type { Clock } from '../../config/clock';
import { complaintReceipt, registerComplaint } from '../complaints-store';
import { badRequest, illegalTransition, notFound } from '../problems';
import type { ReadModel } from '../read-model';
import type { RouteBook } from '../endpoints';
import { complaintReceiptAnswer, filedEvaluationAnswer } from '../answers';
import { isUniqueViolation } from '../../entities/unique-violation';
import { evaluationView } from './evaluations';

const phoneLast4 = z.string().regex(/^[0-9]{4}$/, '应为手机号码后 4 位数字');
const trackParams = z.object({ trackingCode: z.string().regex(/^[0-9A-Z]{6,16}$/, '应为查询码（6–16 位数字或大写字母）') });
const complaintBody = z.strictObject({
  phoneLast4,
  content: z.string().trim().min(1).max(4000),
  /** The department complained about; one of the case's. */
  departmentCode: z.string().trim().min(1).max(32).optional(),
});
const evaluationBody = z.strictObject({
  phoneLast4,
  level: z.number().int().refine((level) => (EVALUATION_LEVELS as readonly number[]).includes(level), '评价等级应为 1（非常不满意）到 5（非常满意）'),
  comment: z.string().trim().max(2000).optional(),
});

/** The event a rating would be in the case's life: named in the 409 answers. */
const EVALUATE = 'EVALUATE';

export function createFeedbackPublicRouter({ db, readModel, calendar, clock, book }: {
  clock: Clock;
  db: DataSource;
  readModel: ReadModel;
  calendar: { current(): Promise<WorkingCalendar> };
  book: RouteBook;
}) {
  const routes = book.router();

  /** 差评: the supervision office, and the departments of the case's matters (their leader and officers). */
  const badRatingNotices = async (record: CaseRecord, rating: Evaluation): Promise<NotificationRequest[]> => {
    const matters = await db.getRepository(Matter).find({ where: { code: In(record.matterCodes) }, select: { code: true, departmentCode: true } });
    const payload = { trackingCode: record.trackingCode, level: rating.level, comment: rating.comment, followUpDeadlineAt: toShanghaiIso(rating.followUpDeadlineAt) };
    const base = { channel: 'log' as const, template: 'evaluation.bad', payload, caseId: record.id };
    return [
      { ...base, dedupeKey: `case-${record.id}:bad-rating:supervisor`, recipientRole: 'supervisor', recipient: 'office' },
      ...[...new Set(matters.map((matter) => matter.departmentCode))]
        .map((code) => ({ ...base, dedupeKey: `case-${record.id}:bad-rating:${code}`, recipientRole: 'leader' as const, recipient: `dept:${code}` })),
    ];
  };

  /** The case behind a tracking code, if the phone suffix matches; otherwise 404. */
  const trackedCase = async (trackingCode: string, suffix: string) => {
    const found = await readModel.findByTrackingCode(trackingCode);
    if (!found || !found.record.applicantPhone.endsWith(suffix)) throw notFound(`查询码为 ${trackingCode} 的办件`);
    return found;
  };

  routes.route({
    method: 'post', path: '/api/track/:trackingCode/complaints', tag: 'public', summary: '效能投诉 by the applicant, with the tracking code and phone digits',
    access: 'public', params: trackParams, body: complaintBody, answer: complaintReceiptAnswer, responses: { 201: 'the complaint\'s number and deadline' },
  }, async ({ params: { trackingCode }, body }, _req, res) => {
    const { record, steps } = await trackedCase(trackingCode, body.phoneLast4);
    if (body.departmentCode && !steps.some((step) => step.departmentCode === body.departmentCode)) {
      throw badRequest([{ path: 'departmentCode', message: '应为审查本办件的部门之一' }]);
    }
    const complaint = await registerComplaint(db, await calendar.current(), {
      source: 'applicant',
      content: body.content,
      caseId: record.id,
      departmentCode: body.departmentCode ?? null,
      // The applicant is reachable through the case; nothing more is copied.
      complainantName: null,
      complainantPhone: null,
      registeredBy: null,
    }, clock.now());
    res.status(201).json(complaintReceipt(complaint));
  });

  routes.route({
    method: 'post', path: '/api/track/:trackingCode/evaluation', tag: 'public', summary: '好差评: rate a delivered case once (1–5 and a comment)',
    access: 'public', params: trackParams, body: evaluationBody, answer: filedEvaluationAnswer,
    responses: { 201: 'the rating (a bad one opens a follow-up)', 409: 'not delivered yet, or already rated' },
  }, async ({ params: { trackingCode }, body }, _req, res) => {
    const { record } = await trackedCase(trackingCode, body.phoneLast4);
    if (!DELIVERED_CASE_STATUSES.includes(record.status)) {
      throw illegalTransition(`办件出件后才能评价，本件当前状态为 ${record.status}`, record.status, EVALUATE, []);
    }
    const evaluations = db.getRepository(Evaluation);
    const already = () => illegalTransition('本件已评价过，每件只能评价一次', 'evaluated', EVALUATE, []);
    if (await evaluations.existsBy({ caseId: record.id })) throw already();
    const createdAt = clock.now();
    const bad = isBadRating(body.level);
    const row = evaluations.create({
      caseId: record.id,
      level: body.level,
      comment: body.comment || null,
      createdAt,
      createdOn: shanghaiDate(createdAt.toISOString()),
      followUpStatus: bad ? 'open' : null,
      followUpDeadlineAt: bad ? new Date((await calendar.current()).dueAt(createdAt.toISOString(), FEEDBACK_POLICY.followUpDays).at) : null,
      followUpClosedAt: null,
      followUpClosedBy: null,
      followUpNote: null,
    });
    try {
      await db.transaction(async (manager) => {
        await manager.insert(Evaluation, row);
        // 差评: the supervision office and the case's departments read of it (回访整改).
        if (bad) await enqueueWithNotices(manager, await badRatingNotices(record, row), createdAt);
      });
    } catch (err) {
      // Two ratings at once: UNIQUE (case_id) lets one in.
      if (isUniqueViolation(err)) throw already();
      throw err;
    }
    const { id: _id, caseId: _caseId, ...view } = evaluationView(row, clock.now());
    res.status(201).json({ trackingCode: record.trackingCode, ...view, followUp: view.followUp && { status: view.followUp.status, deadlineAt: view.followUp.deadlineAt } });
  });

  return routes.express;
}
