import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { OpenApiValidator } from './support/openapi-validator';
import { Role, ROUTE_ACCESS, USER_OF } from './support/route-access';
import { startTestApp, TestApp } from './support/test-app';

// "Hostile input is normal input": every operation of the OpenAPI document
// that takes a body, query parameters or path parameters is called, as the
// first role route-access.ts allows on it, with hostile variants derived from
// its own schema, each one change from a well-formed base: a required field
// missing, every other JSON type, malformed money and decimals, impossible
// dates, ids that are not UUIDs and well-formed UUIDs of nothing, values off
// an enum, numbers and years out of range, strings of 100,000 and 10,000
// characters, with NUL or an unpaired surrogate, arrays of 10,000 and 1,000
// elements, unknown fields, bodies that are not objects or not JSON, paging
// out of range and forged cursors, parameters twice or with brackets, the
// same again as a CSV or XLSX download, and for the file uploads no file, an
// empty, binary or mislabelled file and rows of 100,000 columns. Body, upload
// and query variants run again on a record that exists (the first of the
// route's own list), so checks past the lookup answer too.
//
// Every answer must be a 4xx problem document with a stable code, of a status
// the operation documents (the OpenAPI validator), each code with one status;
// never a 5xx, never a hang (a per-request timeout is the net, not a timed
// assertion). The variants are fixed (an explicit generator, a seeded random
// source), so a failure names the operation and the variant and repeats on
// the next run. GRMS_HOSTILE_LOG=<file> writes every call with its answer.
//
// What is not sent, and why (decision 0521): a random UUID as a query filter
// (a filter on nothing is a valid question, answered with an empty page); a
// forged cursor to a download (it streams every row and reads no cursor);
// strings of 100,000 characters in a URL (Node's HTTP parser answers 431 at
// 16 kB of headers, before the application); null in optional fields of
// create and PUT bodies (null there means "not given"); no body where every
// field is optional (a valid request); fields nested deeper than four levels.

/** Operations that cannot be driven by this test, each with the reason. Kept empty. */
const NOT_DRIVEN: Record<string, string> = {};

const REQUEST_TIMEOUT_MS = 20_000; // a safety net against a hang, not a timed assertion
const CONCURRENCY = 4;
const STABLE_CODE = /^[A-Z][A-Z0-9_]*$/;

type Schema = {
  $ref?: string; type?: string; format?: string; enum?: unknown[]; pattern?: string; nullable?: boolean; example?: unknown;
  properties?: Record<string, Schema>; required?: string[]; items?: Schema; allOf?: Schema[]; minimum?: number; maximum?: number;
};
type Param = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Param[];
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown; examples?: Record<string, { value: unknown }> }> };
};
interface Doc { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } }

/** A small seeded generator (mulberry32): the same variants on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(20261130);
const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
const randomUuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
const randomBytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
/** Bearer tokens that are not the API's: each must be 401 on every protected route, whatever the token holds. */
const FORGED_TOKENS: [string, string][] = [
  ['not a JWT', 'Bearer not-a-token'],
  ['a JWT of another key', `Bearer ${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: '00000000-0000-4000-8000-000000000000', roles: ['ADMIN'], exp: 4102444800 })}.${Buffer.from('forged-signature').toString('base64url')}`],
  ['a JWT with alg none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'admin', roles: ['ADMIN'] })}.`],
  ['a JWT whose payload is an array', `Bearer ${b64({ alg: 'HS256', typ: 'JWT' })}.${b64([1, 2])}.x`],
  ['of 10,000 characters', `Bearer ${'a'.repeat(10_000)}`],
  ['of another scheme', 'Basic YWRtaW46Z3Jtcy1kZW1v'],
];
/** A value sent as it is, not percent-encoded: an incomplete UTF-8 sequence in percent-encoding. */
const BROKEN_ENCODING = 'RAW:%E0%A4%A';
const MONEY_PATTERN = /\\d\{1,18\}/;
const DATE_NAME = /(^|[a-z])(date|Date)$|^(from|to|asOf|date|valueDate)$/;
const ID_NAME = /^(id|.*Id)$/;
const DECIMAL_NAME = /(percent|Percent|quantity|volume|rate|Rate|target|Target|baseline|value|Realization|Surcharge|Threshold)$/;
const YEAR_NAME = /^(fiscalYear|year)$/;

interface Variant {
  label: string; query?: Record<string, string>; path?: Record<string, string>; headers?: Record<string, string>; body?: unknown;
  /** a body sent as these bytes with this Content-Type instead of JSON; an empty text sends no body */
  raw?: { type: string; text: string | Buffer }; multipart?: Multipart; expectCode?: string;
  /** query text added as it is (a parameter twice, brackets) */
  rawQuery?: string;
}
interface Multipart { fields: Record<string, string>; file?: { content: Buffer; name: string } }
interface Call { key: string; method: string; template: string; user?: string; variant: Variant }

function makeResolver(doc: Doc) {
  const resolve = (s: Schema | undefined): Schema => {
    if (!s) return {};
    if (s.$ref) return resolve(doc.components.schemas[s.$ref.split('/').pop()!]);
    if (s.allOf) {
      return s.allOf.map(resolve).reduce<Schema>((acc, part) => ({
        ...acc, ...part, properties: { ...acc.properties, ...part.properties }, required: [...(acc.required ?? []), ...(part.required ?? [])],
      }), { ...s, allOf: undefined });
    }
    return s;
  };
  return resolve;
}

const kindOf = (name: string, s: Schema): string => {
  if (s.enum) return 'enum';
  if (s.type === 'array') return 'array';
  if (s.type === 'object' || s.properties) return 'object';
  if (s.type === 'number' || s.type === 'integer') return YEAR_NAME.test(name) ? 'year' : 'number';
  if (s.type === 'boolean') return 'boolean';
  if (s.format === 'uuid') return 'uuid';
  if (s.pattern && MONEY_PATTERN.test(s.pattern)) return 'money';
  if (typeof s.example === 'string' && /^-?\d+(\.\d+)?$/.test(s.example) && (DECIMAL_NAME.test(name) || /decimal|percent|%/i.test(String((s as { description?: string }).description)))) return 'decimal';
  if (DATE_NAME.test(name) || (typeof s.example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.example))) return 'date';
  return 'string';
};

/** A type-correct value for a schema, for bodies the document gives no example of. */
function synthesize(name: string, schema: Schema, resolve: (s?: Schema) => Schema, depth = 0): unknown {
  const s = resolve(schema);
  if (s.example !== undefined) return s.example;
  switch (kindOf(name, s)) {
    case 'enum': return s.enum![0];
    case 'array': return [synthesize(name, s.items ?? {}, resolve, depth + 1)];
    case 'object': return depth > 4 ? {} : Object.fromEntries((s.required ?? []).map((k) => [k, synthesize(k, s.properties?.[k] ?? {}, resolve, depth + 1)]));
    case 'year': return 2099;
    case 'number': return s.minimum ?? 1;
    case 'boolean': return true;
    case 'uuid': return randomUuid();
    case 'money': return '1000.00';
    case 'decimal': return '1';
    case 'date': return '2026-03-31';
    default: return 'x';
  }
}

const WRONG_TYPES: [string, unknown][] = [['string', 'x'], ['number', 7], ['boolean', true], ['object', { a: 1 }], ['array', ['x']], ['null', null]];
const typeName = (k: string) => (['money', 'decimal', 'uuid', 'date', 'enum', 'string'].includes(k) ? 'string' : k === 'year' ? 'number' : k);

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
function setAt(body: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  const copy = clone(body) as Record<string | number, unknown>;
  let at = copy as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) at = at[p] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) delete at[last];
  else at[last] = value;
  return copy;
}
const label = (path: (string | number)[]) => path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');

/** Hostile variants of a JSON body: one change each from a base that is otherwise well formed. */
function bodyVariants(base: unknown, schema: Schema, resolve: (s?: Schema) => Schema, update: boolean): Variant[] {
  const out: Variant[] = [];
  const walk = (s0: Schema, value: unknown, path: (string | number)[], depth: number, root: unknown) => {
    const s = resolve(s0);
    if (depth > 3 || !s.properties || value === null || typeof value !== 'object' || Array.isArray(value)) return;
    for (const [name, ps0] of Object.entries(s.properties)) {
      const ps = resolve(ps0);
      const here = [...path, name];
      const present = name in (value as Record<string, unknown>);
      const required = (s.required ?? []).includes(name);
      const kind = kindOf(name, ps);
      const put = (what: string, v: unknown, expectCode?: string) => out.push({ label: `${label(here)} ${what}`, body: setAt(root, here, v), expectCode });
      if (required && present) out.push({ label: `${label(here)} missing`, body: setAt(root, here, undefined, true) });
      // every other JSON type; null where the field is required, or is a field of an update (PATCH) that is not nullable:
      // elsewhere null in an optional field is taken as left out (decision 0521)
      for (const [t, v] of WRONG_TYPES.filter(([t]) => t !== typeName(kind) && !(t === 'null' && (ps.nullable || (!required && !update))))) put(`as ${t}`, v);
      switch (kind) {
        case 'money':
          for (const m of [100000, '1e5', '-0', '12.345', 'NaN', 'Infinity', '1234567890123456789012345']) put(`money ${JSON.stringify(m)}`, m);
          break;
        case 'decimal':
          for (const m of [100000, '1e5', 'NaN', 'Infinity', '1234567890123456789012345']) put(`decimal ${JSON.stringify(m)}`, m);
          break;
        case 'date': for (const d of ['2026-02-30', '2026-13-01', 'not-a-date']) put(`date ${d}`, d); break;
        case 'uuid': put('not a UUID', 'not-a-uuid'); put('a UUID of nothing', randomUuid()); break;
        case 'enum': put('off its enum', 'NOT_ON_THE_LIST'); break;
        case 'year': for (const y of [0, 99999, 2026.5]) put(`year ${y}`, y); break;
        case 'number': for (const n of [-1, 1.5, 2147483648, 1e308]) put(`number ${n}`, n); break;
        case 'string':
          put('of 100,000 characters', 'x'.repeat(100_000));
          put('of 10,000 characters', 'x'.repeat(10_000)); // within the 64 kB of most routes: the field's own limit must answer
          put('with NUL', 'a\u0000b', 'NUL_CHARACTER');
          put('with an unpaired surrogate', 'a\uD800b', 'INVALID_UNICODE');
          break;
        case 'array': {
          const items = resolve(ps.items);
          const one = present && Array.isArray((value as Record<string, unknown[]>)[name]) && (value as Record<string, unknown[]>)[name].length
            ? (value as Record<string, unknown[]>)[name][0] : synthesize(name, items, resolve);
          put('of 10,000 elements', Array.from({ length: 10_000 }, () => clone(one)));
          put('of 1,000 elements', Array.from({ length: 1_000 }, () => clone(one))); // within most body limits: the field's own limit must answer
          if (items.properties && one && typeof one === 'object') walk(items, one, [...here, 0], depth + 1, present ? root : setAt(root, here, [one]));
          break;
        }
        case 'object':
          if (present) walk(ps, (value as Record<string, unknown>)[name], here, depth + 1, root);
          break;
        default: break;
      }
    }
  };
  walk(schema, base, [], 0, base);
  if (base && typeof base === 'object' && !Array.isArray(base)) out.push({ label: 'an unknown field', body: { ...(base as object), unknownField: 1 } });
  out.push({ label: 'a JSON array instead of an object', body: [base] });
  out.push({ label: 'JSON null instead of an object', raw: { type: 'application/json', text: 'null' } });
  out.push({ label: 'malformed JSON', raw: { type: 'application/json', text: JSON.stringify(base).slice(0, -1) } });
  out.push({ label: 'a gzip bomb (10 MB of JSON in 10 kB)', raw: { type: 'application/json', text: GZIP_BOMB }, headers: { 'Content-Encoding': 'gzip' } });
  out.push({ label: 'Content-Encoding gzip over bytes that are not gzip', raw: { type: 'application/json', text: Buffer.from(JSON.stringify(base)) }, headers: { 'Content-Encoding': 'gzip' } });
  out.push({ label: 'JSON in UTF-16', raw: { type: 'application/json; charset=utf-16le', text: Buffer.from(JSON.stringify(base), 'utf16le') }, expectCode: 'UNSUPPORTED_MEDIA_TYPE' });
  out.push({ label: 'an unknown Content-Encoding', raw: { type: 'application/json', text: JSON.stringify(base) }, headers: { 'Content-Encoding': 'x-unknown' } });
  if (resolve(schema).required?.length) {
    // without a body (or with one that is not JSON, which is not read) the required fields are missing; where every field is optional this is a valid request
    out.push({ label: 'no body', raw: { type: 'application/json', text: '' } });
    out.push({ label: 'the body as text/plain', raw: { type: 'text/plain', text: JSON.stringify(base) } });
  }
  return out;
}

/** Hostile values of one query or path parameter. */
function parameterValues(p: Param, resolve: (s?: Schema) => Schema): [string, string, string?][] {
  const s = resolve(p.schema);
  if (p.name === 'page') return [['0', '0'], ['-1', '-1'], ['1e9', '1e9'], ['abc', 'abc']];
  if (p.name === 'limit') return [['0', '0'], ['-1', '-1'], ['501', '501'], ['1e9', '1e9'], ['abc', 'abc']];
  if (p.name === 'cursor') {
    return [['not base64', '!!not-a-cursor!!'], ['forged', Buffer.from(JSON.stringify(['forged', "'; DROP TABLE users; --", 1e300])).toString('base64url')]];
  }
  // path ids are UUIDs by name (the document types them as strings); a random one names nothing: 404
  if (p.in === 'path' && ID_NAME.test(p.name)) return [['not a UUID', 'not-a-uuid'], ['a UUID of nothing', randomUuid()], ['broken percent-encoding', BROKEN_ENCODING]];
  const kind = kindOf(p.name, s);
  switch (kind) {
    case 'year': return [['0', '0'], ['99999', '99999'], ['abc', 'abc']];
    case 'number': {
      const out: [string, string][] = [['abc', 'abc'], ['1.5', '1.5']];
      out.push([String((s.minimum ?? 0) - 1), String((s.minimum ?? 0) - 1)]);
      if (s.maximum !== undefined) out.push([String(s.maximum + 1), String(s.maximum + 1)]);
      return out;
    }
    case 'enum': return [['off its enum', 'NOT_ON_THE_LIST']];
    case 'uuid': return [['not a UUID', 'not-a-uuid']];
    case 'date': return [['2026-02-30', '2026-02-30'], ['2026-13-01', '2026-13-01'], ['not-a-date', 'not-a-date']];
    // (a query text whose percent-encoding is broken stays as it is, a literal search text: not hostile)
    default: return [['with NUL', 'a%00b', 'NUL_CHARACTER']];
  }
}

/** A value of a path parameter that passes its format but names nothing (an unknown year, a UUID of nothing). */
function basePathValue(p: Param, resolve: (s?: Schema) => Schema): string {
  const s = resolve(p.schema);
  if (s.enum) return String(s.enum[0]);
  if (YEAR_NAME.test(p.name)) return '2026'; // a year that exists: the body's own checks must answer, not 404 on the year
  if (p.name === 'month') return '1';
  if (ID_NAME.test(p.name)) return randomUuid();
  return 'PPN';
}

/** A value of a required query parameter that passes validation. */
function baseQueryValue(p: Param, resolve: (s?: Schema) => Schema): string {
  const s = resolve(p.schema);
  if (s.example !== undefined) return String(s.example);
  if (s.enum) return String(s.enum[0]);
  if (YEAR_NAME.test(p.name)) return '2026';
  if (s.type === 'number') return String(s.minimum ?? 1);
  if (kindOf(p.name, s) === 'uuid') return randomUuid();
  return 'x';
}

const CSV_WIDE = Buffer.from(`${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n`);
/** A JSON array of 10 MB of zeros, gzipped to about 10 kB: inflated, it must be cut at the route's limit. */
const GZIP_BOMB = gzipSync(Buffer.concat([Buffer.from('['), Buffer.alloc(10 * 1024 * 1024, '0,'), Buffer.from('0]')]), { level: 9 });
const SMALL_CSV = Buffer.from('code,name\nA,B\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2048)]);

/** Hostile uploads and form fields of a multipart operation. */
/** The import template of an upload route: the same path without its ids, then /template. */
const templateOf = (template: string) => `${template.replace(/\/\{[^}]+\}/g, '')}/template`;

function multipartVariants(schema: Schema, resolve: (s?: Schema) => Schema, header: string): { base: Multipart; variants: Variant[] } {
  const s = resolve(schema);
  const fields: Record<string, string> = {};
  for (const [name, ps0] of Object.entries(s.properties ?? {})) {
    const ps = resolve(ps0);
    if (name === 'file') continue;
    // not a dry run: a dry run answers 200 with the rows' errors listed, which is its purpose; a real import of
    // a file with an invalid row is refused whole (strict mode, the default) and writes nothing
    if ((s.required ?? []).includes(name)) fields[name] = YEAR_NAME.test(name) ? '2027' : String(synthesize(name, ps, resolve));
  }
  const csv = (content: Buffer, name = 'upload.csv') => ({ content, name });
  const out: Variant[] = [
    { label: 'no file', multipart: { fields } },
    { label: 'an empty file', multipart: { fields, file: csv(Buffer.alloc(0)) } },
    { label: 'a binary file', multipart: { fields, file: csv(randomBytes(4096), 'upload.bin') } },
    { label: 'a PNG named .csv', multipart: { fields, file: csv(PNG) } },
    { label: 'a PNG named .xlsx', multipart: { fields, file: csv(PNG, 'upload.xlsx') } },
    { label: 'CSV text named .xlsx', multipart: { fields, file: csv(SMALL_CSV, 'upload.xlsx') } },
    { label: 'a CSV header of 100,000 columns', multipart: { fields, file: csv(CSV_WIDE) } },
    { label: 'the template\'s header, then a row of 100,000 columns', multipart: { fields, file: csv(Buffer.concat([Buffer.from(`${header}\n`), CSV_WIDE])) } },
    { label: 'JSON instead of a form', raw: { type: 'application/json', text: JSON.stringify(fields) } },
    { label: 'an unknown form field', multipart: { fields: { ...fields, unknownField: '1' }, file: csv(CSV_WIDE) } },
  ];
  for (const [name, ps0] of Object.entries(s.properties ?? {})) {
    if (name === 'file') continue;
    const values = parameterValues({ name, in: 'form', schema: ps0 }, resolve);
    if (kindOf(name, resolve(ps0)) === 'boolean') values.push(['not a boolean', 'maybe']);
    for (const [what, v] of values.filter(([, val]) => !val.startsWith('RAW:'))) {
      out.push({ label: `form field ${name} ${what}`, multipart: { fields: { ...fields, [name]: v.replace('%00', '\u0000') }, file: csv(SMALL_CSV) } });
    }
  }
  return { base: { fields, file: csv(SMALL_CSV) }, variants: out };
}

/** What the test found in the demo data: the user's organization, and a record of each route's own list the user may see. */
interface Found { orgOf: Map<string, string>; recordOf: Map<string, string> }

/** The list route of a record route: /x/{id} and /x/{id}/verb are records of GET /x. */
const listOf = (template: string): string | null => {
  const m = /^(.*)\/\{id\}(\/[a-z-]+)*$/.exec(template);
  return m && !m[1].includes('{') ? m[1] : null;
};

function callsOf(doc: Doc, headers: Map<string, string>, found: Found): { calls: Call[]; driven: string[]; withoutInput: string[] } {
  const resolve = makeResolver(doc);
  const calls: Call[] = [];
  const driven: string[] = [];
  const withoutInput: string[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const key = `${method.toUpperCase()} ${template}`;
      const params = (op.parameters ?? []).filter((p) => p.in === 'query' || p.in === 'path');
      const content = op.requestBody?.content ?? {};
      if (!params.length && !Object.keys(content).length) { withoutInput.push(key); continue; }
      if (key in NOT_DRIVEN) continue;
      const rule = ROUTE_ACCESS[key];
      const user = rule === 'public' || !rule ? undefined : USER_OF[rule[0]];
      const basePath = Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, basePathValue(p, resolve)]));
      const baseQuery = Object.fromEntries(params.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, baseQueryValue(p, resolve)]));
      const json = content['application/json'];
      let baseBody = json ? (json.examples ? Object.values(json.examples)[0].value : json.example ?? synthesize('', json.schema, resolve)) : undefined;
      // the user's own organization, so that the body is checked further than an unknown organization
      if (user && found.orgOf.has(user) && baseBody && typeof baseBody === 'object' && 'organizationId' in baseBody) baseBody = { ...baseBody, organizationId: found.orgOf.get(user) };
      const upload = content['multipart/form-data'] ? multipartVariants(content['multipart/form-data'].schema, resolve, headers.get(key)!) : undefined;
      const variants: Variant[] = [];
      for (const p of params) {
        for (const [what, v, expectCode] of parameterValues(p, resolve)) {
          variants.push(p.in === 'path'
            ? { label: `path ${p.name} ${what}`, path: { [p.name]: v }, expectCode }
            : { label: `query ${p.name} ${what}`, query: { [p.name]: v }, expectCode });
        }
      }
      if (params.some((p) => p.in === 'query')) variants.push({ label: 'an unknown query parameter', query: { unknownParam: '1' } });
      // and the query variants again as a download (CSV, XLSX), whose answer is streamed: refused before the first byte
      // (but the cursor: a download is every matching row and never reads one, so a well-formed forged cursor is not refused)
      const formats = (resolve(params.find((p) => p.in === 'query' && p.name === 'format')?.schema).enum ?? []).filter((f) => f !== 'json');
      for (const format of formats as string[]) {
        for (const p of params.filter((q) => q.in === 'query' && q.name !== 'format' && q.name !== 'cursor')) {
          for (const [what, v, expectCode] of parameterValues(p, resolve)) variants.push({ label: `format=${format}, query ${p.name} ${what}`, query: { format, [p.name]: v }, expectCode });
        }
      }
      // the same parameter twice (an array to the code) and with brackets (an object): what a query string can carry besides a string
      for (const p of params.filter((q) => q.in === 'query')) {
        const v = baseQueryValue(p, resolve);
        variants.push({ label: `query ${p.name} twice`, rawQuery: `${p.name}=${encodeURIComponent(v)}&${p.name}=${encodeURIComponent(v)}` });
        variants.push({ label: `query ${p.name} as an object`, rawQuery: `${p.name}[a]=${encodeURIComponent(v)}` });
      }
      // two forged tokens an operation, in turn, so each is sent to some fifty operations (the guard is one for all)
      if (user) {
        for (const [what, value] of [FORGED_TOKENS[driven.length % FORGED_TOKENS.length], FORGED_TOKENS[(driven.length + 3) % FORGED_TOKENS.length]]) {
          variants.push({ label: `Authorization ${what}`, headers: { Authorization: value } });
        }
      }
      if ((op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'Idempotency-Key')) {
        for (const [what, key] of [['of 7 characters', 'k'.repeat(7)], ['of 201 characters', 'k'.repeat(201)]]) variants.push({ label: `Idempotency-Key ${what}`, headers: { 'Idempotency-Key': key } });
      }
      if (json) variants.push(...bodyVariants(baseBody, json.schema, resolve, method === 'patch'));
      // and the body's variants again on a record that exists (the first of its list the user sees): the checks past the lookup
      const record = found.recordOf.get(key);
      if (record) {
        for (const p of params.filter((q) => q.in === 'query')) {
          for (const [what, v, expectCode] of parameterValues(p, resolve)) variants.push({ label: `on a real record, query ${p.name} ${what}`, query: { [p.name]: v }, path: { id: record }, expectCode });
        }
      }
      if (upload && record) variants.push(...upload.variants.map((v) => ({ ...v, label: `on a real record, ${v.label}`, path: { id: record } })));
      if (json && record) variants.push(...bodyVariants(baseBody, json.schema, resolve, method === 'patch').map((v) => ({ ...v, label: `on a real record, ${v.label}`, path: { id: record } })));
      if (upload) variants.push(...upload.variants);
      for (const v of variants) {
        // what the variant does not change stays at its base
        const full: Variant = {
          ...v, path: { ...basePath, ...v.path },
          query: Object.fromEntries(Object.entries({ ...baseQuery, ...v.query }).filter(([k]) => !v.rawQuery?.startsWith(`${k}=`) && !v.rawQuery?.startsWith(`${k}[`))),
          body: v.body !== undefined || v.multipart || v.raw ? v.body : baseBody, multipart: v.multipart ?? (v.body === undefined && !v.raw ? upload?.base : undefined),
        };
        calls.push({ key, method, template, user, variant: full });
      }
      driven.push(key);
    }
  }
  return { calls, driven, withoutInput };
}

describe('hostile input on every route', () => {
  let t: TestApp;
  let doc: Doc;
  let validator: OpenApiValidator;
  const headers = new Map<string, string>();
  const found: Found = { orgOf: new Map(), recordOf: new Map() };

  beforeAll(async () => {
    t = await startTestApp();
    doc = JSON.parse(readFileSync(process.env.GRMS_TEST_OPENAPI_FILE!, 'utf8')) as Doc;
    validator = new OpenApiValidator(doc as never);
    // every role's token first: the hostile logins below must not stand in their way
    for (const user of new Set(Object.values(USER_OF))) await t.token(user);
    // the header row of each upload route's own template, for a file that gets past the header
    for (const [template, ops] of Object.entries(doc.paths)) {
      if (!ops.post?.requestBody?.content['multipart/form-data']) continue;
      const key = `POST ${template}`;
      const res = await t.get(`${templateOf(template).replace(/^\/api\/v1/, '')}?format=csv`, USER_OF[(ROUTE_ACCESS[key] as Role[])[0]]);
      expect({ key, status: res.status }).toEqual({ key, status: 200 });
      headers.set(key, res.text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]);
    }
    for (const user of new Set(Object.values(USER_OF))) {
      const me = await t.get('/auth/me', user);
      if (me.body.organizationId) found.orgOf.set(user, me.body.organizationId);
    }
    const resolve = makeResolver(doc);
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const list = listOf(template);
        const rule = ROUTE_ACCESS[`${method.toUpperCase()} ${template}`];
        if ((!op.requestBody && !(op.parameters ?? []).some((p) => p.in === 'query')) || !list || !doc.paths[list]?.get || !Array.isArray(rule)) continue;
        const required = (doc.paths[list].get.parameters ?? []).filter((p) => p.in === 'query' && p.required);
        const query = ['limit=1', ...required.map((p) => `${p.name}=${encodeURIComponent(baseQueryValue(p, resolve))}`)].join('&');
        const res = await t.get(`${list.replace(/^\/api\/v1/, '')}?${query}`, USER_OF[rule[0]]);
        const id = res.status === 200 ? res.body.data?.[0]?.id : undefined;
        if (typeof id === 'string') found.recordOf.set(`${method.toUpperCase()} ${template}`, id);
      }
    }
  });
  afterAll(async () => { await t.close(); });

  it('answers every hostile variant on every operation with a documented 4xx problem carrying a stable code', async () => {
    const { calls, driven, withoutInput } = callsOf(doc, headers, found);
    const server = t.app.getHttpServer();
    const failures: string[] = [];
    const answers = new Map<string, number>();
    const log: string[] = [];
    const send = async (c: Call) => {
      const v = c.variant;
      const encode = (val: string) => (val.startsWith('RAW:') ? val.slice(4) : encodeURIComponent(val).replace(/%2500/g, '%00'));
      const path = c.template.replace(/\{([^}]+)\}/g, (_, name: string) => encode(v.path![name]));
      const query = [...Object.entries(v.query ?? {}).map(([k, val]) => `${k}=${encode(val)}`), ...(v.rawQuery ? [v.rawQuery] : [])].join('&');
      const url = query ? `${path}?${query}` : path;
      let r = request(server)[c.method as 'get'](url).timeout({ response: REQUEST_TIMEOUT_MS, deadline: REQUEST_TIMEOUT_MS });
      if (c.user) r = r.set('Authorization', `Bearer ${await t.token(c.user)}`);
      for (const [k, val] of Object.entries(v.headers ?? {})) r = r.set(k, val);
      if (v.multipart) {
        for (const [k, val] of Object.entries(v.multipart.fields)) r = r.field(k, val);
        if (v.multipart.file) r = r.attach('file', v.multipart.file.content, v.multipart.file.name);
      } else if (v.raw) {
        // sent as these bytes: superagent would serialise a Buffer as JSON
        r = r.set('Content-Type', v.raw.type).serialize((d: unknown) => d as string);
        if (v.raw.text.length) r = r.send(v.raw.text as string);
      } else if (v.body !== undefined) {
        r = r.set('Content-Type', 'application/json').send(JSON.stringify(v.body));
      }
      const where = `${c.key} [${v.label}] as ${c.user ?? 'anonymous'}`;
      let res: request.Response;
      try {
        res = await r;
      } catch (err) {
        failures.push(`${where}: no answer (${(err as Error).message})`);
        return;
      }
      const type = String(res.headers['content-type'] ?? '');
      answers.set(`${res.status} ${res.body?.code ?? ''}`, (answers.get(`${res.status} ${res.body?.code ?? ''}`) ?? 0) + 1);
      if (process.env.GRMS_HOSTILE_LOG) log.push(`${where}: ${res.status} ${res.body?.code} ${String(res.body?.detail).slice(0, 160)}`);
      if (res.status < 400 || res.status >= 500) failures.push(`${where}: ${res.status} ${res.body?.code ?? ''} ${res.body?.detail ?? ''}`.trim());
      else if (!type.startsWith('application/problem+json')) failures.push(`${where}: ${res.status} as ${type}, not a problem document`);
      else if (!STABLE_CODE.test(String(res.body?.code))) failures.push(`${where}: ${res.status} without a stable code`);
      else if (v.expectCode && res.status !== 413 && res.body.code !== v.expectCode) failures.push(`${where}: ${res.status} ${res.body.code}, expected ${v.expectCode}`);
      const problem = validator.check(c.method, url, res.status, type || undefined, res.text ?? '');
      if (problem) failures.push(`${where}: ${problem}`);
    };
    // the login last: its hostile variants must not be counted against the demo accounts before their tokens are used
    const ordered = [...calls.filter((c) => c.key !== 'POST /api/v1/auth/login'), ...calls.filter((c) => c.key === 'POST /api/v1/auth/login')];
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < ordered.length) await send(ordered[next++]);
    }));
    process.stdout.write(`hostile input: ${driven.length} operations, ${calls.length} calls; ${withoutInput.length} operations take no input (${withoutInput.join(', ')})\n`);
    if (process.env.GRMS_HOSTILE_LOG) writeFileSync(process.env.GRMS_HOSTILE_LOG, [...failures, ...log].join('\n'));
    process.stdout.write(`answers: ${[...answers].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} x${n}`).join(', ')}\n`);
    expect(failures).toEqual([]);
    // a stable code means one thing: it comes with one status wherever it is answered
    const statusesOf = new Map<string, Set<string>>();
    for (const k of answers.keys()) {
      const [status, code] = k.split(' ');
      statusesOf.set(code, new Set([...(statusesOf.get(code) ?? []), status]));
    }
    expect([...statusesOf].filter(([, st]) => st.size > 1).map(([code, st]) => `${code}: ${[...st].join(', ')}`)).toEqual([]);
    // every operation with input is driven, and each by more than one variant
    const all = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${p}`));
    expect([...driven, ...withoutInput, ...Object.keys(NOT_DRIVEN)].sort()).toEqual(all.sort());
    expect(Object.keys(NOT_DRIVEN)).toEqual([]);
    for (const key of driven) expect({ key, variants: calls.filter((c) => c.key === key).length > 1 }).toEqual({ key, variants: true });
  }, 180_000);
});
