import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';

/** The web app's files, as `npm run build` writes them (dist/web under the project root), or null when not built. */
export function webAppDir(): string | null {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'grms') {
      const web = join(dir, 'dist', 'web');
      return existsSync(join(web, 'index.html')) ? web : null;
    }
  }
  return null;
}

/** The bundle's own files, the only ones served beside the API (everything else goes on to the API's routes). */
const FILES = new Set(['/app.js', '/app.css', '/app.js.map', '/app.css.map', '/app.js.LEGAL.txt']);

/**
 * Serves the web app from the API process: `GET /` answers the page to a
 * browser (`Accept` preferring text/html) and the JSON index to everyone
 * else; the bundle's files are served by name. No other route changes.
 */
export function webApp(dir: string): RequestHandler {
  const files = express.static(dir, { index: false, fallthrough: true, setHeaders: (res) => res.setHeader('cache-control', 'no-cache') });
  const page = join(dir, 'index.html');
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/' && req.accepts(['application/json', 'text/html']) === 'text/html') {
      res.setHeader('cache-control', 'no-cache');
      res.vary('Accept');
      return res.sendFile(page);
    }
    if (req.path === '/') res.vary('Accept');
    if (FILES.has(req.path)) return files(req, res, next);
    return next();
  };
}
