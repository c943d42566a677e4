// Walks an Express app's router and lists every route it would answer, with the access policy
// its handler chain carries (api/auth.ts `Policy`), if any.
import type express from 'express';
import type { Policy } from '../../api/auth';
import type { RouteBook } from '../../api/endpoints';

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
