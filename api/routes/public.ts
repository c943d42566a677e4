// Routes without a token: health and the applicant's progress tracking.
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { notFound } from '../problems';
import type { ReadModel } from '../read-model';
import type { RouteBook } from '../endpoints';
import { healthAnswer, trackingAnswer, unhealthyAnswer } from '../answers';
import { trackingView } from '../views';

const trackQuery = z.object({ phoneLast4: z.string().regex(/^[0-9]{4}$/, '应为手机号码后 4 位数字') });
const trackParams = z.object({ trackingCode: z.string().regex(/^[0-9A-Z]{6,16}$/, '应为查询码（6–16 位数字或大写字母）') });

export function createPublicRouter({ db, temporal, readModel, book }: { db: DataSource; temporal: Client; readModel: ReadModel; book: RouteBook }) {
  const routes = book.router();

  routes.route({
    method: 'get', path: '/healthz', tag: 'public', summary: 'Health: 200 only when Temporal and the database answer',
    access: 'public', answer: healthAnswer, statusAnswers: { 503: unhealthyAnswer },
    responses: { 200: '`{status: "ok", temporal: "up", db: "up"}`', 503: '`{status: "unavailable", temporal, db}`: a part is down' },
  }, async (_input, _req, res) => {
    const [temporalUp, dbUp] = await Promise.all([
      withTimeout(temporal.workflowService.getSystemInfo({})),
      withTimeout(db.query('SELECT 1')),
    ]);
    const up = temporalUp && dbUp;
    res.status(up ? 200 : 503).json({ status: up ? 'ok' : 'unavailable', temporal: temporalUp ? 'up' : 'down', db: dbUp ? 'up' : 'down' });
  });

  routes.route({
    method: 'get', path: '/api/track/:trackingCode', tag: 'public', summary: 'The applicant\'s view: progress only, no personal data',
    access: 'public', params: trackParams, query: trackQuery, answer: trackingAnswer, responses: { 200: 'progress' },
  }, async ({ params: { trackingCode }, query: { phoneLast4 } }, _req, res) => {
    const found = await readModel.findByTrackingCode(trackingCode);
    // A wrong phone suffix answers exactly like an unknown code: no hint that the code exists.
    if (!found || !found.record.applicantPhone.endsWith(phoneLast4)) throw notFound(`查询码为 ${trackingCode} 的办件`);
    res.json(trackingView(found.record, found.steps));
  });

  return routes.express;
}

async function withTimeout(check: Promise<unknown>, ms = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([check.then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
