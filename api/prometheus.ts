// GET /metrics (Prometheus text exposition, no token, like /healthz) and the middleware that
// counts HTTP requests by their matched route pattern — `/api/cases/:id`, never the raw URL, so
// the label set stays small. Open steps by light are read from the read model on each scrape.
import type { RequestHandler } from 'express';
import { Gauge, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { httpDuration, httpRequests, processRegistry } from '../config/telemetry';
import { LIGHTS } from '../domain/types';
import type { RouteBook } from './endpoints';
import { prometheusText } from './answers';
import { createSupervisionReads } from './supervision-reads';

/** Requests no route matched (404s) share one label. */
const UNMATCHED = 'unmatched';

export const countRequests: RequestHandler = (req, res, next) => {
  const stop = httpDuration.startTimer();
  res.once('finish', () => {
    const matched = (res.locals.matchedRoute as { path: string } | undefined)?.path;
    const labels = { method: req.method, route: matched ?? UNMATCHED, status: String(res.statusCode) };
    httpRequests.inc(labels);
    stop(labels);
  });
  next();
};

export function createPrometheusRouter({ db, book }: { db: DataSource; book: RouteBook }) {
  const routes = book.router();
  const reads = createSupervisionReads(db);
  // Per app (tests run several in one process); merged with the process registry on scrape.
  const appRegistry = new Registry();
  new Gauge({
    name: 'approval_open_steps',
    help: 'Open steps of cases under review, by department and light (green, yellow, red)',
    labelNames: ['department', 'light'] as const,
    registers: [appRegistry],
    async collect() {
      this.reset();
      for (const row of await reads.openStepsByLight(null)) {
        for (const light of LIGHTS) this.set({ department: row.departmentCode, light }, row[light]);
      }
    },
  });

  routes.route({
    method: 'get', path: '/metrics', tag: 'public', summary: 'Prometheus metrics (text exposition)', access: 'public',
    produces: 'text/plain', answer: prometheusText, responses: { 200: 'metrics' },
  }, async (_input, _req, res) => {
    const registry = Registry.merge([processRegistry, appRegistry]);
    res.type(registry.contentType).send(await registry.metrics());
  });
  return routes.express;
}
