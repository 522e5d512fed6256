import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '../context/request-context';

/** The request's id: the client's X-Request-Id when it is sane, else a new UUID; set once, shared with the HTTP log. */
export function requestIdOf(req: Request & { id?: unknown }, res: Response): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.header('x-request-id');
  const id = given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
  req.id = id;
  res.setHeader('X-Request-Id', id);
  return id;
}

// Gives each request an id (the client's X-Request-Id when it is sane) that
// appears in the response header, in problem documents and in the audit trail.
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const requestId = requestIdOf(req, res);
    RequestContext.run({ requestId, ip: req.ip }, () => next());
  }
}
