import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ProblemResponse } from './problem.response';
import { addBodyExample } from './body-examples';
import { DEFAULT_BODY_LIMIT, formatByteSize, parseByteSize } from './body-limits';

// The OpenAPI document is the contract: how a route documents the problems it
// can answer, and the one pass that finishes the generated document (media
// types, the statuses every route shares, who may call it). See
// docs/modules/platform.md, "Documenting a route".

export const PROBLEM_JSON = 'application/problem+json';
export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What each problem status means, before the route's own codes. */
const STATUS_TEXT: Record<number, string> = {
  400: 'malformed request: a field has the wrong type, format or range (VALIDATION_FAILED, MALFORMED_JSON; `errors` names each field)',
  401: 'no token, or an invalid or expired one (UNAUTHENTICATED)',
  403: 'the user\'s roles do not allow this (FORBIDDEN)',
  404: 'unknown, or belonging to another OPD (NOT_FOUND)',
  409: 'state conflict: the record is not in a state that allows this, or was changed concurrently (CONFLICT, CONCURRENT_UPDATE, DUPLICATE)',
  413: 'the request body or file is too large (PAYLOAD_TOO_LARGE; SPREADSHEET_TOO_LARGE)',
  415: 'the body is not JSON in UTF-8, or not the media type the route takes (UNSUPPORTED_MEDIA_TYPE)',
  422: 'a business rule refuses the request; `detail` says the rule and, for money, the arithmetic (BUSINESS_RULE, REFERENCE_NOT_FOUND, INVARIANT_VIOLATED)',
  429: 'too many requests (THROTTLED)',
  503: 'the database is not reachable; retry shortly (DATABASE_UNAVAILABLE)',
};

/** Statuses answered by every protected route. */
export const PROTECTED_STATUSES = [400, 401, 403, 404, 503] as const;
/** Statuses answered by every route that takes a body, public or not (the body limits and the input guard). */
export const BODY_STATUSES = [400, 413, 415] as const;
/** Statuses answered by every protected write (the database backstop: locks, constraints). */
export const WRITE_STATUSES = [409, 422] as const;

export type ProblemSpec = number | Record<number, string | string[]>;

function problemContent() {
  return { [PROBLEM_JSON]: { schema: { $ref: getSchemaPath(ProblemResponse) } } };
}

export function problemDescription(status: number, codes: string | string[] = []): string {
  const own = Array.isArray(codes) ? codes : [codes];
  const base = STATUS_TEXT[status] ?? 'problem';
  return own.length ? `${own.join(', ')}; or ${base}` : base;
}

/**
 * Documents the problem statuses a route can answer, as RFC 9457 problem
 * documents (`application/problem+json`), with the route's stable codes:
 *
 *   @ApiProblems(404)
 *   @ApiProblems({ 409: 'DOCUMENT_NOT_DRAFT', 422: ['EXCEEDS_CEILING', 'NO_CEILING'] })
 *
 * 400, 401, 403, 404 and 503 come with `@Authenticated`; 409 and 422 with
 * every protected write. Name the route's own codes here.
 */
export function ApiProblems(...specs: ProblemSpec[]) {
  const decorators: Array<MethodDecorator & ClassDecorator> = [ApiExtraModels(ProblemResponse)];
  for (const spec of specs) {
    const entries: Array<[number, string | string[]]> = typeof spec === 'number' ? [[spec, []]] : Object.entries(spec).map(([s, c]) => [Number(s), c]);
    for (const [status, codes] of entries) {
      decorators.push(ApiResponse({ status, description: problemDescription(status, codes), content: problemContent() }));
    }
  }
  return applyDecorators(...decorators);
}

/** Marks the permission a route needs; the document pass turns it into "who may call it". */
export function ApiPermission(permission: string, roles: string[]) {
  return ApiExtension('x-grms-permission', { permission, roles });
}

type Operation = {
  summary?: string;
  description?: string;
  security?: unknown[];
  responses: Record<string, { description?: string; content?: Record<string, { schema?: unknown; example?: unknown }> }>;
  ['x-grms-permission']?: { permission: string; roles: string[] };
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Finishes the generated document: every problem response is
 * `application/problem+json` with the problem schema (whatever the route's
 * JSON media types), CSV and XLSX successes are text and binary, every
 * protected route lists the shared statuses, every protected write 409 and
 * 422, and the description says who may call it.
 */
export function finishDocument(doc: OpenAPIObject): OpenAPIObject {
  // OpenAPI 3.0: a nullable enum lists null among its values
  for (const schema of Object.values(doc.components?.schemas ?? {})) {
    for (const p of Object.values((schema as { properties?: Record<string, { nullable?: boolean; enum?: unknown[] }> }).properties ?? {})) {
      if (p.nullable && p.enum && !p.enum.includes(null)) p.enum = [...p.enum, null];
    }
  }
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      const perm = op['x-grms-permission'];
      if (perm) {
        const who = `Who may call it: roles with permission \`${perm.permission}\` (${perm.roles.join(', ')}).`;
        op.description = op.description ? `${op.description}\n\n${who}` : who;
        const shared = [...PROTECTED_STATUSES, ...(method === 'get' ? [] : WRITE_STATUSES)];
        for (const s of shared) op.responses[s] ??= { description: problemDescription(s) };
      } else {
        op.security ??= [];
      }
      // an unknown fiscal year in the query or path is 404 FISCAL_YEAR_NOT_FOUND on every route (decision 0040)
      const params = (op as { parameters?: { name: string; in: string }[] }).parameters ?? [];
      if (params.some((p) => p.name === 'fiscalYear' && (p.in === 'query' || p.in === 'path'))) {
        const own = op.responses[404]?.description;
        op.responses[404] = { description: own && !own.includes('FISCAL_YEAR_NOT_FOUND') && own !== problemDescription(404) ? `FISCAL_YEAR_NOT_FOUND, ${own}` : problemDescription(404, 'FISCAL_YEAR_NOT_FOUND') };
      }
      // a realistic request body, where the body's DTO has one (body-examples.ts)
      addBodyExample((op as { requestBody?: Parameters<typeof addBodyExample>[0] }).requestBody);
      // any route that takes a body may refuse it before it is read: too large, or not UTF-8 JSON (decision 0010)
      // (a DELETE that takes a body, such as a reason, is refused the same way)
      if (method !== 'get' && (method !== 'delete' || (op as { requestBody?: unknown }).requestBody)) {
        for (const s of BODY_STATUSES) op.responses[s] ??= { description: problemDescription(s) };
        // the body limit of the route (decision 0015)
        const upload = Boolean((op as { requestBody?: { content?: Record<string, unknown> } }).requestBody?.content?.['multipart/form-data']);
        const limit = (op as { ['x-grms-body-limit']?: { limit: number } })['x-grms-body-limit']?.limit ?? parseByteSize(DEFAULT_BODY_LIMIT);
        const text = upload
          ? 'A file upload is limited by `BODY_LIMIT` (10 MB by default), checked on Content-Length before it is read.'
          : `The body limit of this route is ${formatByteSize(limit)}: a larger body is refused before it is read.`;
        op.responses[413].description = `${op.responses[413].description ?? problemDescription(413)}. ${text}`;
      }
      for (const [status, response] of Object.entries(op.responses)) {
        const code = Number(status);
        if (code >= 400) {
          response.content = problemContent();
          continue;
        }
        if (!response.content) continue;
        if (response.content[CSV_TYPE]) response.content[CSV_TYPE] = { schema: { type: 'string', description: 'CSV, UTF-8, a header row then one row per record' } };
        if (response.content[XLSX_TYPE]) response.content[XLSX_TYPE] = { schema: { type: 'string', format: 'binary', description: 'an XLSX workbook' } };
      }
    }
  }
  return doc;
}
