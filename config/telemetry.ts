// Prometheus metrics of this process (prom-client): process defaults, HTTP requests, activity
// executions and workflow events. One registry per process, defined once at module load, so the
// API and an in-process worker (`npm start`, tests) report into the same place; a worker in a
// process of its own serves it on WORKER_METRICS_PORT.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry });

export const httpRequests = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests answered, by method, matched route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [processRegistry],
});

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method, matched route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [processRegistry],
});

export const activityExecutions = new Counter({
  name: 'approval_activity_executions_total',
  help: 'Temporal activity executions in this worker, by activity and outcome (completed, failed)',
  labelNames: ['activity', 'outcome'] as const,
  registers: [processRegistry],
});

export const activityDuration = new Histogram({
  name: 'approval_activity_duration_seconds',
  help: 'Temporal activity execution time in this worker, by activity',
  labelNames: ['activity'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [processRegistry],
});

export const workflowEvents = new Counter({
  name: 'approval_workflow_events_total',
  help: 'Workflow timeline events projected, by workflow (case, step) and action (ACCEPT, APPROVE, OVERDUE, ...)',
  labelNames: ['workflow', 'action'] as const,
  registers: [processRegistry],
});

/** The worker's sticky cache: workflow runs it holds in memory now (bounded by WORKER_MAX_CACHED_WORKFLOWS). */
export function registerCachedWorkflowsGauge(cached: () => number): Gauge {
  return new Gauge({
    name: 'approval_worker_cached_workflows',
    help: 'Workflow runs held in the worker\'s sticky cache',
    registers: [processRegistry],
    collect() { this.set(cached()); },
  });
}
