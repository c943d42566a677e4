// The web console (console/dist, built by `npm run console:build`) at `/`: hashed assets with a
// year-long cache, index.html for every other page a browser asks for (the console routes in the
// browser), and a plain Chinese page naming the build command when the console is not built.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import express, { type RequestHandler, type Router } from 'express';

/**
 * console/dist at the project root: the first folder up from here that holds package.json — two
 * levels up from api/http when run from the sources, three from dist/api/http when compiled.
 */
export function findConsoleDist(from: string = __dirname): string {
  const roots = [join(from, '..', '..'), join(from, '..', '..', '..')];
  const root = roots.find((dir) => existsSync(join(dir, 'package.json'))) ?? roots[0];
  return join(root, 'console', 'dist');
}

export const CONSOLE_DIST = findConsoleDist();

const NOT_BUILT = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>并联审批工作台</title>'
  + '<body style="font-family:sans-serif;margin:40px"><h1>工作台尚未构建</h1>'
  + '<p>请在项目目录运行 <code>npm run console:build</code> 构建工作台，然后刷新本页。接口仍可在 <a href="/api/docs/">/api/docs/</a> 使用。</p></body></html>';

/** Paths the console never answers: the API, health and metrics keep their own 404s. */
const NOT_CONSOLE = /^\/(api|healthz|metrics|assets)(\/|$)/;

export function consoleRouter(dist: string = CONSOLE_DIST): Router {
  const router = express.Router();
  // gzip or brotli, whichever the browser takes: the sign-in page's first load stays small.
  router.use(compression());
  router.use('/assets', express.static(join(dist, 'assets'), {
    immutable: true,
    maxAge: '365d',
  }));
  router.use(express.static(dist, { index: false, maxAge: '1h' }));
  // A middleware, not a route: the console's pages are not API routes with an access policy.
  router.use(pageFallback(dist));
  return router;
}

function pageFallback(dist: string): RequestHandler {
  const index = join(dist, 'index.html');
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_CONSOLE.test(req.path) || !req.accepts('html')) return next();
    // The page itself is never cached, so a new build is picked up at the next visit.
    res.setHeader('Cache-Control', 'no-cache');
    if (!existsSync(index)) return res.status(503).type('html').send(NOT_BUILT);
    res.sendFile(index);
  };
}
