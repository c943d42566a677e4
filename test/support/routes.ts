// Walks an Express app's router and lists every route it would answer, with the access policy
// its handler chain carries (api/auth.ts `Policy`), if any; and reads the route declarations, from
// a running app or built in-process without one.
import type express from 'express';
import pino from 'pino';
import type { Policy } from '../../api/auth';
import type { RouteBook } from '../../api/endpoints';
import { createApp } from '../../api/server';

export interface MountedRoute {
  method: string;
  path: string;
  policy: Policy['policy'] | undefined;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: Layer[] };
  handle?: { stack?: Layer[]; policy?: Policy['policy'] };
}

export function mountedRoutes(app: express.Express): MountedRoute[] {
  const found: MountedRoute[] = [];
  const walk = (stack: Layer[]): void => {
    for (const layer of stack) {
      if (layer.route) {
        const policy = layer.route.stack.map((handler) => handler.handle?.policy).find((p) => p !== undefined);
        for (const method of Object.keys(layer.route.methods)) found.push({ method, path: layer.route.path, policy });
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found;
}

export const routeBookOf = (app: express.Express): RouteBook => app.locals.routeBook as RouteBook;

/** Building the routers only records their declarations: nothing touches these dependencies. */
const inert: unknown = new Proxy(function inert() {}, {
  get: (_target, property) => (property === 'then' ? undefined : inert),
  apply: () => inert,
  construct: () => inert as object,
});

/** The route declarations, built in-process with no database, Temporal or server behind them. */
export function declaredRouteBook(): RouteBook {
  return routeBookOf(createApp({
    db: inert as never,
    temporal: inert as never,
    config: { jwtSecret: 'declarations-only', jwtTtl: '1h', taskQueue: 'declarations-only' },
    logger: pino({ level: 'silent' }),
  }));
}
