import type { IncomingMessage, ServerResponse } from 'node:http';
import { stdSerializers } from 'pino';

type LoggedRequest = IncomingMessage & { id?: unknown; originalUrl?: string };

/**
 * The request log line's `req` and `res` (decision 0065): what an operator
 * reads in a line (the request id, method, URL, client address and agent; the
 * status), built straight from the request. pino-http serializes `req` into a
 * child logger on every request, before the level is known, so the default
 * (every header and both the query and the route parameters, then a redaction
 * pass over them) was paid on every request; the response's headers are
 * fixed (helmet, no-store) and say nothing about the request. No header that
 * carries a credential is ever read here.
 */
export const requestLogSerializers = {
  req(req: LoggedRequest): Record<string, unknown> {
    return {
      id: req.id,
      method: req.method,
      url: req.originalUrl ?? req.url,
      remoteAddress: req.socket?.remoteAddress,
      userAgent: req.headers?.['user-agent'],
    };
  },
  res(res: ServerResponse): Record<string, unknown> {
    return { statusCode: res.headersSent ? res.statusCode : null };
  },
  err: stdSerializers.err,
};

/**
 * At LOG_LEVEL=silent no request line can be written, so the request logger
 * is not mounted at all (no child logger, listeners or context per request).
 */
export function requestLogRoutes<T>(level: string, routes: T[]): T[] {
  return level === 'silent' ? [] : routes;
}
