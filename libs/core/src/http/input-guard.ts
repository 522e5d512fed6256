import type { NextFunction, Request, Response } from 'express';
import { DomainError, ErrorKind, FieldError } from '../errors/domain-error';

/** The shape any parsed request body must stay within; checked before any DTO transformation. */
export interface BodyShapeLimits {
  maxDepth: number;
  maxKeysPerObject: number;
  maxArrayLength: number;
  maxTotalNodes: number;
}

export const BODY_SHAPE_LIMITS: BodyShapeLimits = {
  maxDepth: 32,
  maxKeysPerObject: 200,
  maxArrayLength: 10_000,
  maxTotalNodes: 100_000,
};

/** Keys that could reach an object's prototype when a body is copied or merged: refused, never dropped. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function tooComplex(field: string, message: string): DomainError {
  return new DomainError('BODY_TOO_COMPLEX', `the request body is refused: ${field || '(body)'} ${message}`, ErrorKind.INVALID, [{ field: field || '(body)', message }]);
}

function invalidValue(field: string, message: string, code: string): DomainError {
  return new DomainError(code, `${field}: ${message}`, ErrorKind.INVALID, [{ field, message }]);
}

/**
 * Half of a UTF-16 surrogate pair without its other half (JSON allows "\ud800"):
 * not a character, and UTF-8 has no encoding for it, so PostgreSQL would get
 * U+FFFD instead of what was sent. Refused, never replaced (decision 0521).
 */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNPAIRED_SURROGATE_G = new RegExp(UNPAIRED_SURROGATE.source, 'g');
const UNPAIRED_SURROGATE_MESSAGE = 'must not contain an unpaired UTF-16 surrogate (\\uD800-\\uDFFF without its pair)';

const pathOf = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * One linear, iterative pass over a parsed JSON value: bounded depth, keys per
 * object, array length and total size; no prototype keys; no NUL in strings.
 * Throws a DomainError (400) naming the offending field. Its cost is linear
 * in the size of the body and it never recurses, so a deep or wide body is
 * refused in bounded time before class-transformer sees it.
 */
export function assertBodyShape(body: unknown, limits: BodyShapeLimits = BODY_SHAPE_LIMITS): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  let nodes = 0;
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (++nodes > limits.maxTotalNodes) throw tooComplex('', `has more than ${limits.maxTotalNodes} values`);
    if (typeof value === 'string') {
      if (value.includes('\u0000')) throw invalidValue(path || '(body)', 'must not contain a NUL character', 'NUL_CHARACTER');
      if (UNPAIRED_SURROGATE.test(value)) throw invalidValue(path || '(body)', UNPAIRED_SURROGATE_MESSAGE, 'INVALID_UNICODE');
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limits.maxDepth) throw tooComplex(path, `is nested deeper than ${limits.maxDepth} levels`);
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayLength) throw tooComplex(path, `has more than ${limits.maxArrayLength} elements`);
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: pathOf(path, i), depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > limits.maxKeysPerObject) throw tooComplex(path, `has more than ${limits.maxKeysPerObject} keys`);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const field = pathOf(path, key);
      if (FORBIDDEN_KEYS.has(key)) throw invalidValue(field, `the key "${key}" is not allowed`, 'FORBIDDEN_KEY');
      if (key.includes('\u0000')) throw invalidValue(pathOf(path, key.split('\u0000').join('\\0')), 'a key must not contain a NUL character', 'NUL_CHARACTER');
      if (UNPAIRED_SURROGATE.test(key)) throw invalidValue(pathOf(path, key.replace(UNPAIRED_SURROGATE_G, '\uFFFD')), `a key ${UNPAIRED_SURROGATE_MESSAGE}`, 'INVALID_UNICODE');
      stack.push({ value: (value as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
}

const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, COLON = 0x3a;
const OPEN_OBJ = 0x7b, CLOSE_OBJ = 0x7d, OPEN_ARR = 0x5b, CLOSE_ARR = 0x5d;

/**
 * The same limits checked on the raw JSON text, in one pass over its bytes,
 * before JSON.parse builds a single object: a 10 MB array of 700,000 objects
 * is refused after a byte scan instead of after building 700,000 objects.
 * The text may come in chunks (`push` each as it arrives: decision 0050), so
 * the scan runs a chunk at a time on the event loop, never as one block; the
 * inside of a string is skipped with a native search for its closing quote.
 * Counts are upper bounds (commas per container); the path names the
 * container that breaks a limit.
 */
export class JsonShapeScanner {
  /** bytes pushed so far */
  bytes = 0;
  // per open container: is it an object, how many commas so far, its last key
  private readonly objects: boolean[] = [];
  private readonly commas: number[] = [];
  private readonly keys: string[] = [];
  private inString = false;
  private escaped = false;
  private expectKey = false;
  private keyParts: Buffer[] = [];
  private values = 0;

  constructor(private readonly limits: BodyShapeLimits = BODY_SHAPE_LIMITS) {}

  private fieldAt(upTo: number): string {
    let p = '';
    for (let i = 0; i < upTo; i++) p = pathOf(p, this.objects[i] ? this.keys[i] : this.commas[i]);
    return p;
  }

  private count(): void {
    if (++this.values > this.limits.maxTotalNodes) throw tooComplex('', `has more than ${this.limits.maxTotalNodes} values`);
  }

  /** Scans the next chunk of the text; throws (400, naming the field) as soon as a limit is broken. */
  push(buf: Buffer): void {
    const { limits, objects, commas, keys } = this;
    this.bytes += buf.length;
    let i = 0;
    let bs = -2; // position of the next backslash in this chunk: -2 not searched yet, -1 none left
    while (i < buf.length) {
      if (this.inString) {
        const start = i;
        if (this.escaped) { this.escaped = false; i++; }
        // jump to the next quote; a backslash before it is an escape to step over. The next
        // backslash's position is kept for the chunk, so the whole scan stays linear.
        const q = buf.indexOf(QUOTE, i);
        if (bs !== -1 && bs < i) bs = buf.indexOf(BACKSLASH, i);
        if (bs >= 0 && (q < 0 || bs < q)) {
          if (bs + 1 >= buf.length) { this.escaped = true; if (this.expectKey) this.keyParts.push(buf.subarray(start)); return; }
          if (this.expectKey) this.keyParts.push(buf.subarray(start, bs + 2));
          i = bs + 2;
          continue;
        }
        if (q < 0) { if (this.expectKey) this.keyParts.push(buf.subarray(start)); return; }
        this.inString = false;
        if (this.expectKey) {
          keys[keys.length - 1] = this.keyParts.length ? Buffer.concat([...this.keyParts, buf.subarray(start, q)]).toString('utf8') : buf.toString('utf8', start, q);
          this.keyParts = [];
          this.expectKey = false;
        }
        i = q + 1;
        continue;
      }
      const c = buf[i++];
      switch (c) {
        case QUOTE:
          this.inString = true;
          this.count();
          break;
        case OPEN_OBJ: case OPEN_ARR:
          if (objects.length >= limits.maxDepth) throw tooComplex(this.fieldAt(objects.length), `is nested deeper than ${limits.maxDepth} levels`);
          this.count();
          objects.push(c === OPEN_OBJ);
          commas.push(0);
          keys.push('');
          this.expectKey = c === OPEN_OBJ;
          break;
        case CLOSE_OBJ: case CLOSE_ARR:
          objects.pop(); commas.pop(); keys.pop();
          this.expectKey = false;
          break;
        case COMMA: {
          const top = objects.length - 1;
          if (top < 0) break;
          const n = ++commas[top];
          this.count();
          const isObject = objects[top];
          if (isObject ? n + 1 > limits.maxKeysPerObject : n + 1 > limits.maxArrayLength) {
            throw tooComplex(this.fieldAt(top), isObject ? `has more than ${limits.maxKeysPerObject} keys` : `has more than ${limits.maxArrayLength} elements`);
          }
          this.expectKey = isObject;
          break;
        }
        case COLON:
          this.expectKey = false;
          break;
        default:
          break;
      }
    }
  }
}

/** The limits on a whole JSON text at once (see JsonShapeScanner). */
export function assertJsonTextShape(buf: Buffer, limits: BodyShapeLimits = BODY_SHAPE_LIMITS): void {
  new JsonShapeScanner(limits).push(buf);
}

/** The query string's parameters as raw (decoded) name/value pairs, without any parser's interpretation. */
function rawQuery(url: string): [string, string][] {
  const i = url.indexOf('?');
  if (i < 0) return [];
  const out: [string, string][] = [];
  for (const part of url.slice(i + 1).split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const decode = (s: string) => { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; } };
    out.push([decode(eq < 0 ? part : part.slice(0, eq)), decode(eq < 0 ? '' : part.slice(eq + 1))]);
  }
  return out;
}

/** Refuses a query parameter with a NUL character or a prototype key, naming the parameter. */
export function assertQuerySafe(url: string): void {
  const errors: FieldError[] = [];
  for (const [name, value] of rawQuery(url)) {
    const field = name.split('\u0000').join('\\0');
    if (name.includes('\u0000') || value.includes('\u0000')) errors.push({ field, message: 'must not contain a NUL character' });
    else if (FORBIDDEN_KEYS.has(name.replace(/\[.*$/, ''))) errors.push({ field, message: `the parameter "${name}" is not allowed` });
  }
  if (errors.length) {
    throw new DomainError(errors[0].message.includes('NUL') ? 'NUL_CHARACTER' : 'FORBIDDEN_KEY',
      `invalid query: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, ErrorKind.INVALID, errors);
  }
}

/** The scan of each JSON request body, made while its chunks arrive (jsonShapeStream). */
const STREAM_SCANS = new WeakMap<object, { scanner: JsonShapeScanner; error?: unknown }>();

/**
 * Express middleware before the body parsers: a JSON body's shape is scanned
 * chunk by chunk as it arrives, so no body is ever scanned in one block and a
 * broken limit is known before the last byte (decision 0050). The parser
 * still reads the body; its `verify` hook (verifyJsonText) then only reports
 * the verdict. A compressed body is left to verifyJsonText's full scan.
 */
export function jsonShapeStream(limits: BodyShapeLimits = BODY_SHAPE_LIMITS) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding === 'identity' && /^application\/([\w.+-]+\+)?json\b/.test(type)) {
      const scan: { scanner: JsonShapeScanner; error?: unknown } = { scanner: new JsonShapeScanner(limits) };
      STREAM_SCANS.set(req, scan);
      req.on('data', (chunk: Buffer) => {
        if (scan.error) return;
        try { scan.scanner.push(chunk); } catch (e) { scan.error = e; }
      });
    }
    next();
  };
}

/** The body parsers' `verify` hook: the raw text's shape, before JSON.parse (from the streamed scan when it saw the whole body). */
export function verifyJsonText(req: unknown, _res: unknown, buf: Buffer): void {
  const scan = STREAM_SCANS.get(req as object);
  if (scan?.error) throw scan.error;
  if (scan && scan.scanner.bytes === buf.length) return;
  assertJsonTextShape(buf);
}

/** Refuses a NUL character in the path (a code or id in a path parameter reaches the database as text). */
export function assertPathSafe(url: string): void {
  const raw = url.split('?')[0];
  let path: string;
  try { path = decodeURIComponent(raw); } catch { path = raw; }
  if (path.includes('\u0000')) {
    throw new DomainError('NUL_CHARACTER', 'the path must not contain a NUL character', ErrorKind.INVALID, [{ field: 'path', message: 'must not contain a NUL character' }]);
  }
}

/**
 * Express middleware run right after the body parsers and before routing:
 * checks the query string and the parsed body. A refusal goes to the problem
 * details filter as a 400 naming the field.
 */
export function inputGuard(limits: BodyShapeLimits = BODY_SHAPE_LIMITS) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    try {
      assertPathSafe(req.originalUrl ?? req.url);
      assertQuerySafe(req.originalUrl ?? req.url);
      if (req.body !== undefined && typeof req.body === 'object') assertBodyShape(req.body, limits);
      next();
    } catch (e) {
      next(e);
    }
  };
}
