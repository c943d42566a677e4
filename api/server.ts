// The HTTP server as a factory over its dependencies, with start()/stop() so tests run it
// in-process on port 0 and `npm start` runs it beside the worker.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import cors from 'cors';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import swaggerUi from 'swagger-ui-express';
import type { Logger } from 'pino';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { DEFAULT_SECURITY, DEFAULT_SERVICE_CENTER_NAME, type AppConfig, type SecurityConfig } from '../config';
import { systemClock, type Clock } from '../config/clock';
import { createCalendarService } from '../activities/calendar-service';
import { createNotificationActivities } from '../activities/notifications';
import { createAuditLog } from '../activities/audit-log';
import { auditTrail } from './audit-trail';
import { openApiAnswer, swaggerPage } from './answers';
import { createAuth } from './auth';
import { RouteBook } from './endpoints';
import { problemMiddleware } from './errors';
import { createGuards } from './guards';
import { openApiDocument } from './openapi';
import { notFound } from './problems';
import { createReadModel } from './read-model';
import { createCalendarRouter } from './routes/calendar';
import { createCasesRouter } from './routes/cases';
import { createDocumentsRouter } from './routes/documents';
import { createProjectsRouter } from './routes/projects';
import { createProjectReads } from './project-reads';
import { countRequests, createPrometheusRouter } from './prometheus';
import { createCatalogueRouter } from './routes/catalogue';
import { createCatalogueAdminRouter } from './routes/catalogue-admin';
import { createComplaintsRouter } from './routes/complaints';
import { createEvaluationsRouter } from './routes/evaluations';
import { createFeedbackPublicRouter } from './routes/feedback-public';
import { createMetricsRouter } from './routes/metrics';
import { createPublicRouter } from './routes/public';
import { createStepsRouter } from './routes/steps';
import { createSupervisionRouter } from './routes/supervision';
import { createUsersRouter } from './routes/users';
import { createWindowRouter } from './routes/window';
import { createPostApprovalChecksRouter } from './routes/post-approval-checks';
import { createJointReviewsRouter } from './routes/joint-reviews';
import { createJointReviewStore } from './joint-reviews-store';
import { createNoticesRouter, noticeStreamToken } from './routes/notices';
import { createNoticeStore } from './notices-store';
import { createRejectionsRouter } from './routes/rejections';
import { createCaseCopiesRouter } from './routes/case-copies';
import { createCaseCopies } from './case-copies';
import type { NotificationRequest } from '../activities/notification-types';
import { createWorkflowGateway } from './workflow-gateway';
import { consoleRouter } from './http/console-static';
import { limitBodyDepth } from './http/body-depth';
import { methodNotAllowed } from './http/method-not-allowed';
import { redactRequest } from './http/log-redaction';

export interface ApiDependencies {
  db: DataSource;
  temporal: Client;
  config: Pick<AppConfig, 'jwtSecret' | 'jwtTtl' | 'taskQueue'> & Partial<Pick<AppConfig, 'serviceCenterName' | 'publicUrl'>> & { security?: Partial<SecurityConfig> };
  logger: Logger;
  /** Where routes read "now"; the system clock unless a test pins it. */
  clock?: Clock;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function createApp({ db, temporal, config, logger, clock = systemClock }: ApiDependencies): express.Express {
  const security: SecurityConfig = { ...DEFAULT_SECURITY, ...config.security };
  const app = express();
  const book = new RouteBook(createGuards(db, security));
  // Tests and tools read the declarations (policies, schemas) behind the mounted routes.
  app.locals.routeBook = book;
  const readModel = createReadModel(db);
  const workflows = createWorkflowGateway(temporal, config.taskQueue);
  const auth = createAuth({ db, config, security, book });
  const calendar = createCalendarService({ db });
  const { enqueueNotifications } = createNotificationActivities({ db });

  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(countRequests);
  app.use(pinoHttp({
    logger,
    // The caller's X-Request-Id when it looks like one, else a fresh one; echoed on the answer.
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    serializers: { req: redactRequest },
  }));
  app.use(helmet());
  app.use(cors({ origin: security.corsOrigins, exposedHeaders: ['X-Request-Id', 'Location', 'Idempotent-Replayed'] }));
  app.use(auditTrail(createAuditLog(db), logger));
  app.use(express.json({ limit: security.bodyLimit }));
  app.use(limitBodyDepth);

  app.use(createPrometheusRouter({ db, book }));
  app.use(createPublicRouter({ db, temporal, readModel, book }));
  app.use(createFeedbackPublicRouter({ db, readModel, calendar, clock, book }));
  app.use(auth.router);
  const docs = book.router();
  app.use(docs.express);
  app.use(noticeStreamToken);
  app.use('/api', auth.authenticate);
  app.use(createCatalogueRouter({ db, book }));
  app.use(createCatalogueAdminRouter({ db, book }));
  const notify = async (notice: NotificationRequest): Promise<void> => {
    await enqueueNotifications({ notifications: [notice] });
  };
  app.use(createWindowRouter({ db, book }));
  app.use(createDocumentsRouter({
    db, readModel, book,
    settings: { serviceCenterName: config.serviceCenterName ?? DEFAULT_SERVICE_CENTER_NAME, publicUrl: config.publicUrl },
  }));
  const projects = createProjectReads(db);
  app.use(createCasesRouter({ db, readModel, workflows, book, notify, projects }));
  app.use(createProjectsRouter({ db, projects, workflows, book }));
  app.use(createStepsRouter({ db, readModel, workflows, book }));
  app.use(createCalendarRouter({
    db,
    calendar,
    clock,
    // Running steps re-plan their deadlines against the changed calendar.
    onCalendarChanged: async (date) => workflows.calendarChanged({
      steps: await readModel.openStepIds(), cases: await readModel.openCaseIds(), projects: await readModel.openProjectIds(),
    }, date),
    book,
  }));
  app.use(createSupervisionRouter({
    db,
    notify: (notice) => notify({ ...notice, channel: 'log' }),
    book,
  }));
  app.use(createUsersRouter({ db, book }));
  app.use(createMetricsRouter({ db, calendar, clock, book }));
  app.use(createComplaintsRouter({ db, calendar, clock, book }));
  app.use(createEvaluationsRouter({ db, clock, book }));
  app.use(createPostApprovalChecksRouter({ db, book }));
  app.use(createJointReviewsRouter({ readModel, store: createJointReviewStore(db), book }));
  app.use(createNoticesRouter({ store: createNoticeStore(db), book }));
  app.use(createRejectionsRouter({ db, book }));
  app.use(createCaseCopiesRouter({ db, readModel, copies: createCaseCopies(db), book }));
  app.use(consoleRouter());
  app.use(methodNotAllowed(book.specs));
  app.use((req, _res, next) => next(notFound(`接口 ${req.method} ${req.path}`)));
  app.use(problemMiddleware);

  // Declared last, so the document lists every route above (and these two).
  mountDocumentation(docs, book);
  return app;
}

/** `/api/openapi.json` and a Swagger UI page at `/api/docs/`, both generated from the route book. */
function mountDocumentation(docs: ReturnType<RouteBook['router']>, book: RouteBook): void {
  let document: ReturnType<typeof openApiDocument> | undefined;
  const current = () => (document ??= openApiDocument(book.specs, { title: '并联审批 API', version: '1' }));
  docs.route({
    method: 'get', path: '/api/openapi.json', tag: 'documentation', summary: 'This document', access: 'public',
    answer: openApiAnswer, responses: { 200: 'OpenAPI 3.1' },
  }, async (_input, _req, res) => {
    res.json(current());
  });
  docs.express.use('/api/docs', swaggerUi.serveFiles(undefined, { swaggerUrl: '/api/openapi.json' }));
  docs.route({
    method: 'get', path: '/api/docs', tag: 'documentation', summary: 'Interactive documentation (Swagger UI)', access: 'public',
    produces: 'text/html', answer: swaggerPage, responses: { 200: 'HTML page' },
  }, async (_input, req, res) => {
    // The page loads its assets relative to itself, so it must be addressed with a trailing slash.
    if (!req.originalUrl.split('?')[0].endsWith('/')) return res.redirect(301, '/api/docs/');
    res.type('html').send(swaggerUi.generateHTML(undefined, { swaggerUrl: '/api/openapi.json' }));
  });
}

export interface ApiServer {
  url: string;
  app: express.Express;
  stop(): Promise<void>;
}

/** `host`: the interface to listen on; loopback unless the caller opens it wider. */
export async function startApiServer(deps: ApiDependencies, port: number, host = '127.0.0.1'): Promise<ApiServer> {
  const app = createApp(deps);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, host, () => resolve(listening));
    listening.once('error', reject);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    app,
    stop: () => new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    }),
  };
}
