// Health, the OpenAPI document itself, and the Prometheus text.
import { z } from 'zod';

const partHealth = z.enum(['up', 'down']);

/** 200: both parts answer. */
export const healthAnswer = z.object({ status: z.literal('ok'), temporal: z.literal('up'), db: z.literal('up') });

/** 503: the same shape, naming the part (or parts) down. */
export const unhealthyAnswer = z.object({ status: z.literal('unavailable'), temporal: partHealth, db: partHealth });

/** The OpenAPI document itself: its parts are OpenAPI 3.1's, not restated here. */
export const openApiAnswer = z.looseObject({
  openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.looseObject({})),
});

export const swaggerPage = z.string().describe('the Swagger UI page for this document (a redirect to /api/docs/ without the trailing slash)');

export const prometheusText = z.string().describe('Prometheus text exposition format 0.0.4: process figures, HTTP requests and durations by route pattern, and approval_open_steps by department and light');
