// The HTTP server as a factory over its dependencies, with start()/stop() so tests run it
// in-process on port 0 and `npm start` runs it beside the worker.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import { createCalendarService } from '../activities/calendar-service';
import { createNotificationActivities } from '../activities/notifications';
import { createAuth } from './auth';
import { problemMiddleware } from './errors';
import { notFound } from './problems';
import { createReadModel } from './read-model';
import { createCalendarRouter } from './routes/calendar';
import { createCasesRouter } from './routes/cases';
import { countRequests, createPrometheusRouter } from './prometheus';
import { createCatalogueRouter } from './routes/catalogue';
import { createComplaintsRouter } from './routes/complaints';
import { createEvaluationsRouter } from './routes/evaluations';
import { createFeedbackPublicRouter } from './routes/feedback-public';
import { createMetricsRouter } from './routes/metrics';
import { createPublicRouter } from './routes/public';
import { createStepsRouter } from './routes/steps';
import { createSupervisionRouter } from './routes/supervision';
import { createWorkflowGateway } from './workflow-gateway';

export interface ApiDependencies {
  db: DataSource;
  temporal: Client;
  config: Pick<AppConfig, 'jwtSecret' | 'jwtTtl' | 'taskQueue'>;
  logger: Logger;
}

export function createApp({ db, temporal, config, logger }: ApiDependencies): express.Express {
  const app = express();
  const readModel = createReadModel(db);
  const workflows = createWorkflowGateway(temporal, config.taskQueue);
  const auth = createAuth({ db, config });
  const calendar = createCalendarService({ db });
  const { enqueueNotifications } = createNotificationActivities({ db });

  app.disable('x-powered-by');
  app.use(countRequests);
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' } }));
  app.use(express.json({ limit: '100kb' }));

  app.use(createPrometheusRouter({ db }));
  app.use(createPublicRouter({ db, temporal, readModel }));
  app.use(createFeedbackPublicRouter({ db, readModel, calendar }));
  app.use(auth.router);
  app.use('/api', auth.authenticate);
  app.use(createCatalogueRouter({ db }));
  app.use(createCasesRouter({ db, readModel, workflows }));
  app.use(createStepsRouter({ readModel, workflows }));
  app.use(createCalendarRouter({
    db,
    calendar,
    // Running steps re-plan their deadlines against the changed calendar.
    onCalendarChanged: async (date) => workflows.calendarChanged(await readModel.openStepIds(), date),
  }));
  app.use(createSupervisionRouter({
    db,
    notify: async (notice) => {
      await enqueueNotifications({ notifications: [{ ...notice, channel: 'log' }] });
    },
  }));
  app.use(createMetricsRouter({ db, calendar }));
  app.use(createComplaintsRouter({ db, calendar }));
  app.use(createEvaluationsRouter({ db }));
  app.use((req, _res, next) => next(notFound(`route ${req.method} ${req.path}`)));
  app.use(problemMiddleware);
  return app;
}

export interface ApiServer {
  url: string;
  stop(): Promise<void>;
}

export async function startApiServer(deps: ApiDependencies, port: number): Promise<ApiServer> {
  const app = createApp(deps);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, () => resolve(listening));
    listening.once('error', reject);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    stop: () => new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    }),
  };
}
