import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorKind, FieldError, statusOf } from '../errors/domain-error';
import { RequestContext } from '../context/request-context';
import { isDatabaseDown } from './database-down';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors: FieldError[];
  [k: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content',
  429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

const HTTP_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 422: 'BUSINESS_RULE', 429: 'THROTTLED',
  503: 'SERVICE_UNAVAILABLE',
};

// Maps PostgreSQL errors that bad input can still reach to 4xx problems; the
// services check first, the database is the backstop.
export function fromDatabaseError(err: QueryFailedError & { code?: string; constraint?: string; detail?: string }): DomainError | null {
  const constraint = err.constraint ?? '';
  switch (err.code) {
    case '23505': return new DomainError('DUPLICATE', `a record with these values already exists (${constraint})`, ErrorKind.CONFLICT);
    case '23503': return new DomainError('REFERENCE_NOT_FOUND', `a referenced record does not exist or is still referenced (${constraint})`, ErrorKind.RULE);
    case '23514':
      if (constraint === 'ledger_period_closed') return new DomainError('PERIOD_CLOSED', `the ledger month is closed: ${err.message}`, ErrorKind.CONFLICT);
      return new DomainError('INVARIANT_VIOLATED', `the change breaks a database rule (${constraint})`, ErrorKind.RULE);
    case '22021': case '22P05':
      return new DomainError('VALIDATION_FAILED', 'a text value holds a character the database cannot store (e.g. NUL)', ErrorKind.INVALID);
    case '22P02': case '22007': case '22008': case '22003':
      return new DomainError('VALIDATION_FAILED', 'a value has the wrong format or is out of range', ErrorKind.INVALID);
    case '40001': case '40P01': case '55P03':
      return new DomainError('CONCURRENT_UPDATE', 'the record was changed by a concurrent request; retry', ErrorKind.CONFLICT);
    default: return null;
  }
}

const PARAM_SHAPES: Record<string, { test: RegExp; message: string }> = {
  uuid: { test: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, message: 'must be a UUID' },
  'numeric string': { test: /^-?\d+$/, message: 'must be a whole number' },
};

// Nest's parse pipes (ParseUUIDPipe, ParseIntPipe) refuse a path parameter with
// "Validation failed (uuid is expected)" and no field: name the parameters of
// the request that do not have the expected shape, as every validation error
// names its field.
export function pathParamErrors(detail: string, params: Record<string, string>): FieldError[] {
  const expected = /^Validation failed \((.+) is expected\)$/.exec(detail)?.[1];
  const shape = expected ? PARAM_SHAPES[expected] : undefined;
  if (!shape) return [];
  return Object.entries(params).filter(([, v]) => !shape.test.test(v)).map(([field]) => ({ field, message: shape.message }));
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const problem = this.toProblem(exception);
    if (problem.status === 400 && problem.errors.length === 0) problem.errors = pathParamErrors(problem.detail, (req.params ?? {}) as Record<string, string>);
    problem.instance = req.originalUrl ?? req.url;
    problem.requestId = RequestContext.requestId() ?? (req.headers['x-request-id'] as string | undefined);
    if (problem.status >= 500) {
      this.logger.error(`${req.method} ${req.url} failed: ${(exception as Error)?.stack ?? String(exception)}`);
    }
    if (res.headersSent) return;
    if (typeof problem.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(problem.retryAfterSeconds));
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  toProblem(exception: unknown): Problem {
    let domain: DomainError | null = null;
    if (exception instanceof DomainError) domain = exception;
    else if (isDatabaseDown(exception)) domain = new DomainError('DATABASE_UNAVAILABLE', 'the database is not reachable; try again shortly', ErrorKind.UNAVAILABLE);
    else if (exception instanceof QueryFailedError) domain = fromDatabaseError(exception as never);
    if (domain) {
      const status = statusOf(domain.kind);
      return {
        type: `https://grms.example/problems/${domain.code.toLowerCase().replace(/_/g, '-')}`,
        title: TITLES[status] ?? 'Error', status, detail: domain.detail, code: domain.code,
        errors: domain.errors, ...domain.extra,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse() as string | { message?: string | string[]; code?: string; errors?: FieldError[] };
      const errors: FieldError[] = typeof body === 'object' && Array.isArray(body.errors) ? body.errors : [];
      let detail = typeof body === 'string' ? body : Array.isArray(body.message) ? body.message.join('; ') : body.message ?? exception.message;
      const code = (typeof body === 'object' && body.code) || HTTP_CODES[status] || 'ERROR';
      if (status === 400 && /JSON/i.test(detail) && errors.length === 0) {
        detail = `the request body is not valid JSON: ${detail}`;
        // a JSON text that is not an object or array ("x", 42, null) is refused by the strict parser too
        errors.push({ field: 'body', message: 'must be a well-formed JSON object' });
      }
      return { type: `https://grms.example/problems/${code.toLowerCase().replace(/_/g, '-')}`, title: TITLES[status] ?? 'Error', status, detail, code, errors };
    }
    const e = exception as { type?: string; status?: number; message?: string };
    if (e && e.type === 'entity.parse.failed') {
      return { type: 'https://grms.example/problems/validation-failed', title: 'Bad Request', status: 400, detail: 'the request body is not valid JSON', code: 'MALFORMED_JSON', errors: [] };
    }
    if (e && e.type === 'entity.too.large') {
      return { type: 'https://grms.example/problems/payload-too-large', title: 'Payload Too Large', status: 413, detail: 'the request body is too large', code: 'PAYLOAD_TOO_LARGE', errors: [] };
    }
    if (e && (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported' || e.type === 'media-type.unsupported')) {
      return { type: 'https://grms.example/problems/unsupported-media-type', title: 'Unsupported Media Type', status: 415, detail: `${e.message ?? 'unsupported body encoding'}: send JSON as UTF-8 (Content-Type: application/json; charset=utf-8)`, code: 'UNSUPPORTED_MEDIA_TYPE', errors: [{ field: e.type === 'encoding.unsupported' ? 'Content-Encoding' : 'Content-Type', message: 'only UTF-8 JSON is accepted' }] };
    }
    if (e && typeof e.type === 'string' && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      // any other refusal of the body parser (aborted, bad length): the client's fault
      return { type: 'https://grms.example/problems/validation-failed', title: TITLES[e.status] ?? 'Bad Request', status: e.status, detail: `the request body cannot be read: ${e.message ?? e.type}`, code: HTTP_CODES[e.status] ?? 'VALIDATION_FAILED', errors: [] };
    }
    const z = exception as { status?: number; expose?: boolean; code?: string; message?: string };
    if (z && z.expose === true && typeof z.status === 'number' && z.status >= 400 && z.status < 500 && /^Z_/.test(z.code ?? '')) {
      // a body that is not the gzip or deflate its Content-Encoding declares: the body parser passes zlib's error on untyped (was 500)
      return {
        type: 'https://grms.example/problems/validation-failed', title: TITLES[z.status] ?? 'Bad Request', status: z.status,
        detail: `the request body cannot be read: it is not encoded as its Content-Encoding declares (${z.message ?? z.code})`,
        code: HTTP_CODES[z.status] ?? 'VALIDATION_FAILED', errors: [{ field: 'Content-Encoding', message: 'the body is not encoded as declared' }],
      };
    }
    return { type: 'https://grms.example/problems/internal-error', title: 'Internal Server Error', status: 500, detail: 'an unexpected error occurred; it has been logged with the request id', code: 'INTERNAL_ERROR', errors: [] };
  }
}
