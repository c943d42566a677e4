// 消息中心 routes: the caller's own notices, marking them read, and a server-sent event stream
// that tells the console of new ones without the browser polling.
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { ROLES } from '../../domain/types';
import { actorOf } from '../auth';
import type { RouteBook } from '../endpoints';
import { markedAnswer, noticeAnswer, noticePageAnswer, noticeStream } from '../answers';
import { pagingShape } from '../paging';
import { notFound } from '../problems';
import type { NoticeStore } from '../notices-store';

const STREAM_PATH = '/api/notices/stream';
const listQuery = z.strictObject({
  unread: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  ...pagingShape,
});
const streamQuery = z.strictObject({
  /** Resume after this notice id (EventSource sends it as the Last-Event-ID header on reconnect). */
  after: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
});
const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const emptyBody = z.strictObject({});

/**
 * EventSource cannot send headers: on the stream route only, `?access_token=` stands in for the
 * bearer header. The token is taken out of the URL before anything logs it.
 */
export const noticeStreamToken: RequestHandler = (req, _res, next) => {
  if (req.method !== 'GET' || req.path !== STREAM_PATH || req.headers.authorization) return next();
  const url = new URL(req.originalUrl, 'http://local');
  const token = url.searchParams.get('access_token');
  if (!token) return next();
  url.searchParams.delete('access_token');
  req.headers.authorization = `Bearer ${token}`;
  req.url = req.originalUrl = `${url.pathname}${url.search}`;
  next();
};

export interface NoticesRouterOptions {
  store: NoticeStore;
  book: RouteBook;
  /** How often the stream looks for new notices (the workers write them, maybe in another process). */
  streamPollMs?: number;
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs?: number;
}

export function createNoticesRouter({ store, book, streamPollMs = 2000, heartbeatMs = 25_000 }: NoticesRouterOptions) {
  const routes = book.router();

  routes.route({
    method: 'get', path: '/api/notices', tag: 'notices', summary: '消息中心: the caller\'s own notices, newest first, with the unread count',
    access: ROLES, query: listQuery, answer: noticePageAnswer, responses: { 200: '`{items:[{id, kind, title, body?, caseId?, stepId?, projectId?, at, readAt}], page, pageSize, total, unread}`' },
  }, async ({ query }, req, res) => {
    res.json(await store.page(actorOf(req).id, query));
  });

  routes.route({
    method: 'get', path: STREAM_PATH, tag: 'notices',
    summary: 'Server-sent events: `unread` `{unread}` at once and on every change, `notice` per new notice (id = notice id). '
      + 'Bearer header, or `?access_token=` for EventSource',
    access: ROLES, query: streamQuery, produces: 'text/event-stream', answer: noticeStream, responses: { 200: 'the event stream' },
  }, async ({ query }, req, res) => {
    const userId = actorOf(req).id;
    const resumeFrom = Number(req.headers['last-event-id']);
    let lastId = query.after ?? (Number.isInteger(resumeFrom) && resumeFrom >= 0 && req.headers['last-event-id'] ? resumeFrom : await store.latestId(userId));
    res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    const send = (event: string, data: unknown, id?: number) => {
      res.write(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    res.write('retry: 5000\n\n');
    send('unread', { unread: await store.unreadOf(userId) });

    let closed = false;
    let busy = false;
    const look = async () => {
      if (closed || busy) return;
      busy = true;
      try {
        const fresh = await store.since(userId, lastId);
        if (closed || fresh.length === 0) return;
        for (const notice of fresh) send('notice', notice, notice.id);
        lastId = fresh[fresh.length - 1].id;
        send('unread', { unread: await store.unreadOf(userId) });
      } catch {
        // A failed look is retried at the next tick; the stream stays open.
      } finally {
        busy = false;
      }
    };
    const poll = setInterval(() => void look(), streamPollMs);
    const beat = setInterval(() => res.write(': ping\n\n'), heartbeatMs);
    req.on('close', () => {
      closed = true;
      clearInterval(poll);
      clearInterval(beat);
    });
  });

  routes.route({
    method: 'post', path: '/api/notices/read-all', tag: 'notices', summary: 'Marks every notice of the caller read',
    access: ROLES, body: emptyBody, answer: markedAnswer, responses: { 200: '`{marked, unread: 0}`' },
  }, async (_input, req, res) => {
    res.json({ marked: await store.markAllRead(actorOf(req).id), unread: 0 });
  });

  routes.route({
    method: 'post', path: '/api/notices/:id/read', tag: 'notices', summary: 'Marks one of the caller\'s notices read (the first reading time stays)',
    access: ROLES, params: idParam, body: emptyBody, answer: noticeAnswer, responses: { 200: 'the notice', 404: 'no such notice of the caller' },
  }, async ({ params }, req, res) => {
    const notice = await store.markRead(actorOf(req).id, params.id);
    if (!notice) throw notFound(`消息 ${params.id}`);
    res.json(notice);
  });

  return routes.express;
}
