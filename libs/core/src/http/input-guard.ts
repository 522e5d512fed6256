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

/** Routes whose bodies are a few short fields: parsed with a small limit before the general parser. */
export const SMALL_BODY_ROUTES: readonly { path: string; limit: string }[] = [
  { path: '/auth/login', limit: '4kb' },
  { path: '/auth/logout', limit: '1kb' },
];

/** Keys that could reach an object's prototype when a body is copied or merged: refused, never dropped. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function tooComplex(field: string, message: string): DomainError {
  return new DomainError('BODY_TOO_COMPLEX', `the request body is refused: ${field || '(body)'} ${message}`, ErrorKind.INVALID, [{ field: field || '(body)', message }]);
}

function invalidValue(field: string, message: string, code: string): DomainError {
  return new DomainError(code, `${field}: ${message}`, ErrorKind.INVALID, [{ field, message }]);
}

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
      stack.push({ value: (value as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
}

/**
 * The same limits checked on the raw JSON text, in one pass over its bytes,
 * before JSON.parse builds a single object: a 10 MB array of 700,000 objects
 * is refused after a byte scan instead of after building 700,000 objects.
 * Used as the body parser's `verify` hook. Counts are upper bounds (commas
 * per container), the path names the container that breaks a limit.
 */
export function assertJsonTextShape(buf: Buffer, limits: BodyShapeLimits = BODY_SHAPE_LIMITS): void {
  const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, COLON = 0x3a;
  const OPEN_OBJ = 0x7b, CLOSE_OBJ = 0x7d, OPEN_ARR = 0x5b, CLOSE_ARR = 0x5d;
  // per open container: is it an object, how many commas so far, its last key
  const objects: boolean[] = [];
  const commas: number[] = [];
  const keys: string[] = [];
  let inString = false;
  let escaped = false;
  let stringStart = 0;
  let expectKey = false;
  let values = 0;
  const fieldAt = (upTo: number): string => {
    let p = '';
    for (let i = 0; i < upTo; i++) p = pathOf(p, objects[i] ? keys[i] : commas[i]);
    return p;
  };
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) {
        inString = false;
        if (expectKey) { keys[keys.length - 1] = buf.toString('utf8', stringStart, i); expectKey = false; }
      }
      continue;
    }
    switch (c) {
      case QUOTE:
        inString = true;
        stringStart = i + 1;
        if (++values > limits.maxTotalNodes) throw tooComplex('', `has more than ${limits.maxTotalNodes} values`);
        break;
      case OPEN_OBJ: case OPEN_ARR:
        if (objects.length >= limits.maxDepth) throw tooComplex(fieldAt(objects.length), `is nested deeper than ${limits.maxDepth} levels`);
        if (++values > limits.maxTotalNodes) throw tooComplex('', `has more than ${limits.maxTotalNodes} values`);
        objects.push(c === OPEN_OBJ);
        commas.push(0);
        keys.push('');
        expectKey = c === OPEN_OBJ;
        break;
      case CLOSE_OBJ: case CLOSE_ARR:
        objects.pop(); commas.pop(); keys.pop();
        expectKey = false;
        break;
      case COMMA: {
        const top = objects.length - 1;
        if (top < 0) break;
        const n = ++commas[top];
        if (++values > limits.maxTotalNodes) throw tooComplex('', `has more than ${limits.maxTotalNodes} values`);
        const isObject = objects[top];
        if (isObject ? n + 1 > limits.maxKeysPerObject : n + 1 > limits.maxArrayLength) {
          throw tooComplex(fieldAt(top), isObject ? `has more than ${limits.maxKeysPerObject} keys` : `has more than ${limits.maxArrayLength} elements`);
        }
        expectKey = isObject;
        break;
      }
      case COLON:
        expectKey = false;
        break;
      default:
        break;
    }
  }
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

/** The body parsers' `verify` hook: the raw text's shape, before JSON.parse. */
export function verifyJsonText(_req: unknown, _res: unknown, buf: Buffer): void {
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
