import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApiExtension } from '@nestjs/swagger';
import { json, urlencoded } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

// Body limits per route (decision 0015): every route takes at most
// DEFAULT_BODY_LIMIT unless it declares more with @BodyLimit next to its
// handler. The limit is enforced before the body is read: a Content-Length
// above it is answered 413 at once, a chunked body is cut off as soon as it
// passes it, and the connection is closed so the rest is never read.

/** The limit of every JSON route that declares none: the largest body of those routes is a few kB. */
export const DEFAULT_BODY_LIMIT = '64kb';

/** Parses `4kb`, `64kb`, `2mb`, `10mb` or a plain byte count. */
export function parseByteSize(size: string | number): number {
  if (typeof size === 'number') return size;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(size);
  if (!m) throw new Error(`not a byte size: "${size}" (e.g. 64kb, 2mb)`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(m[1]) * unit);
}

/** `65536` → `64 kB`; `2097152` → `2 MB`. */
export function formatByteSize(n: number): string {
  if (n >= 1024 ** 2 && n % 1024 ** 2 === 0) return `${n / 1024 ** 2} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} kB`;
  return `${n} bytes`;
}

const DECLARED: { controller: object; handler: object; limit: string; reason: string }[] = [];

/**
 * A route's body limit where it differs from DEFAULT_BODY_LIMIT, declared
 * beside the handler with the reason for the figure (the largest legitimate
 * body): `@BodyLimit('2mb', '500 lines with descriptions of up to 500 characters')`.
 * It also reaches the OpenAPI document (the 413 response names the limit).
 */
export function BodyLimit(limit: string, reason: string): MethodDecorator {
  parseByteSize(limit);
  return (target, key, descriptor) => {
    DECLARED.push({ controller: target.constructor, handler: descriptor.value as object, limit, reason });
    ApiExtension('x-grms-body-limit', { limit: parseByteSize(limit), reason })(target, key, descriptor);
  };
}

export interface BodyLimitRoute {
  method: string;
  path: string;
  pattern: RegExp;
  limit: number;
  reason: string;
}

function asList(v: unknown): string[] {
  if (v === undefined || v === null) return [''];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

/** The routes that declared a limit with @BodyLimit, resolved to method and full path under `prefix`. */
export function declaredBodyLimits(prefix: string): BodyLimitRoute[] {
  const routes: BodyLimitRoute[] = [];
  for (const d of DECLARED) {
    const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, d.handler) as RequestMethod] ?? 'POST';
    for (const base of asList(Reflect.getMetadata(PATH_METADATA, d.controller))) {
      for (const own of asList(Reflect.getMetadata(PATH_METADATA, d.handler))) {
        const path = `/${[prefix, base, own].map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
        const source = path.split('/').map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
        routes.push({ method, path, pattern: new RegExp(`^${source}/?$`), limit: parseByteSize(d.limit), reason: d.reason });
      }
    }
  }
  return routes;
}

/** The limit that applies to a request: its route's declared limit, else the default; never above the ceiling. */
export function bodyLimitFor(routes: readonly BodyLimitRoute[], method: string, path: string, defaultLimit: number, ceiling: number): number {
  const route = routes.find((r) => r.method === method && r.pattern.test(path));
  return Math.min(route?.limit ?? defaultLimit, ceiling);
}

function refuseTooLarge(req: Request, res: Response, limit: number, why: string): void {
  if (res.headersSent) return;
  const problem = {
    type: 'https://grms.example/problems/payload-too-large', title: 'Payload Too Large', status: 413,
    detail: `the request body is refused: ${why}, above this route's limit of ${formatByteSize(limit)} (decision 0015)`,
    code: 'PAYLOAD_TOO_LARGE', instance: req.originalUrl ?? req.url,
    errors: [{ field: '(body)', message: `must be at most ${formatByteSize(limit)}` }],
  };
  // The rest of the body is never read: the connection closes after the answer.
  res.setHeader('Connection', 'close');
  res.setHeader('Cache-Control', 'no-store');
  res.status(413).type('application/problem+json').send(JSON.stringify(problem));
  res.once('finish', () => {
    // read nothing more of what the client still sends; Node closes the
    // connection once the answer is flushed (Connection: close), the timer
    // makes sure of it should anything have resumed the request
    req.pause();
    const socket = req.socket;
    setTimeout(() => socket.destroy(), 1000).unref();
  });
}

export interface BodyLimitOptions {
  /** the routes with their own limit (declaredBodyLimits) */
  routes: readonly BodyLimitRoute[];
  /** the limit of every other route (DEFAULT_BODY_LIMIT) */
  defaultLimit: string | number;
  /** no body above this, whatever a route declares; also the limit of file uploads (BODY_LIMIT) */
  ceiling: string | number;
  /** the JSON parser's verify hook (verifyJsonText) */
  verify?: (req: Request, res: Response, buf: Buffer, encoding: string) => void;
}

const MULTIPART_SLACK = 64 * 1024;
const isMultipart = (req: Request): boolean => /^multipart\//i.test(req.headers['content-type'] ?? '');

/**
 * JSON in a charset other than UTF-8: the JSON parser refuses latin1 (415)
 * but decodes UTF-16 and UTF-32, which API.md does not accept either; the
 * same refusal for them (decision 0521), answered by the problem filter as
 * 415 naming Content-Type.
 */
function notUtf8Json(req: Request): Error | null {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) return null;
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1].toLowerCase();
  if (!charset || charset === 'utf-8' || charset === 'utf8') return null;
  return Object.assign(new Error(`unsupported charset "${charset.toUpperCase()}"`), { status: 415, type: 'charset.unsupported', charset });
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * A body sent as something the API does not read (`text/plain`, `application/xml`, `text/csv` outside a
 * multipart upload): no parser takes it, so it used to reach the route as no body at all and be answered
 * "field is required", as if the client had sent nothing. Refused instead with 415 naming Content-Type.
 * A body without a Content-Type is left as before (no parser reads it), and so is a DELETE's.
 */
function unreadableMediaType(req: Request): Error | null {
  const type = req.headers['content-type'];
  if (!type || !BODY_METHODS.has(req.method)) return null;
  const length = req.headers['content-length'];
  if ((length === undefined || Number(length) === 0) && req.headers['transfer-encoding'] === undefined) return null;
  if (/^\s*(application\/([\w.+-]+\+)?json|application\/x-www-form-urlencoded)\s*(;|$)/i.test(type)) return null;
  const media = type.split(';')[0].trim().toLowerCase();
  return Object.assign(new Error(`unsupported media type "${media}"`), { status: 415, type: 'media-type.unsupported' });
}

const LIMITS = new WeakMap<object, { limit: number; refused: boolean }>();

/**
 * The body parsers, in two middlewares around jsonShapeStream: `check` finds
 * the request's limit, refuses a declared Content-Length above it before a
 * byte is read and cuts a chunked body off as soon as it passes it; `parse`
 * parses JSON and URL-encoded bodies within that limit. Multipart uploads are
 * left to the route's upload limit, with the ceiling checked up front.
 */
export function bodyLimits(options: BodyLimitOptions): { check: RequestHandler; parse: RequestHandler } {
  const defaultLimit = parseByteSize(options.defaultLimit);
  const ceiling = parseByteSize(options.ceiling);
  const parsers = new Map<number, RequestHandler[]>();
  const parsersFor = (limit: number): RequestHandler[] => {
    let p = parsers.get(limit);
    if (!p) {
      p = [json({ limit, verify: options.verify }), urlencoded({ limit, extended: false })];
      parsers.set(limit, p);
    }
    return p;
  };
  const check = (req: Request, res: Response, next: NextFunction): void => {
    // a multipart upload: the route's file limit (the ceiling) and the form's few fields
    const limit = isMultipart(req) ? ceiling + MULTIPART_SLACK : bodyLimitFor(options.routes, req.method, req.path, defaultLimit, ceiling);
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > limit) return refuseTooLarge(req, res, limit, `Content-Length ${declared}`);
    const state = { limit, refused: false };
    LIMITS.set(req, state);
    if (declared === undefined && req.headers['transfer-encoding'] !== undefined && !isMultipart(req)) {
      // a body without a Content-Length (chunked) is counted as it arrives; the
      // count stays on until the body ends, so a body no parser reads is cut off too
      let received = 0;
      const count = (chunk: Buffer): void => {
        received += chunk.length;
        if (received > limit) {
          state.refused = true;
          req.off('data', count);
          refuseTooLarge(req, res, limit, `more than ${received} bytes`);
        }
      };
      req.on('data', count);
    }
    next();
  };
  const parse = (req: Request, res: Response, next: NextFunction): void => {
    const state = LIMITS.get(req);
    if (!state || isMultipart(req)) return next();
    const [jsonParser, formParser] = parsersFor(state.limit);
    const done = (err?: unknown): void => {
      if (state.refused || res.headersSent) return;
      next(err);
    };
    const refused = notUtf8Json(req) ?? unreadableMediaType(req);
    if (refused) {
      // read off the body (within the limit counted above), then answer, as the parser does with a charset it refuses
      if (req.complete) return done(refused);
      req.once('end', () => done(refused));
      req.resume();
      return;
    }
    jsonParser(req, res, (err?: unknown) => (err ? done(err) : formParser(req, res, done)));
  };
  return { check, parse };
}
