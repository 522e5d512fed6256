import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { ApiListResponse, offsetOf, PageQueryDto } from './pagination';

// Keyset (cursor) pagination beside page numbers (decision 0060). A list
// orders by a key that ends in a unique column; `nextCursor` is the key of
// the last row, opaque to clients; the next page is `key > cursor`, read from
// the index, so page 1,000 costs what page 1 does.

export class CursorPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'opaque position from `meta.nextCursor` of the previous response: the page after it (keyset pagination; `page` must then be 1 or absent, and `total` is omitted)',
    example: 'WyJidWRnZXQtbGluZXMiLDIwMjZd',
  })
  @IsOptional() @IsString() @MaxLength(2000) @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be the value of meta.nextCursor' })
  cursor?: string;
}

export class CursorPageMeta {
  @ApiPropertyOptional({ description: 'the page number (page mode; absent when the request gave a cursor)' }) page?: number;
  @ApiProperty() limit: number;
  @ApiPropertyOptional({ description: 'number of records matching the filters: on every numbered page, and absent on a cursor page (the first page carries it)' }) total?: number;
  @ApiProperty({ type: String, nullable: true, description: 'give it as `cursor` for the next page; null on the last page' }) nextCursor: string | null;
}

export interface CursorPage<T> {
  data: T[];
  meta: CursorPageMeta;
}

export type KeyType = 'int' | 'bigint' | 'text' | 'uuid' | 'timestamp' | 'date';

/** One column of a list's order: the SQL expression, its type, and the field of a row that holds it. */
export interface KeyPart<T> {
  sql: string;
  type: KeyType;
  field: keyof T & string;
  /** the value a cursor takes from a row where the field is null (such rows sort first, descending) */
  nullAs?: string | number;
}

const valueOf = <T>(p: KeyPart<T>, row: T): unknown => row[p.field] ?? p.nullAs ?? null;

/**
 * A list's order: columns compared as one row `(a, b, c) > (...)`, all
 * ascending or all descending, the last one unique. `name` binds a cursor to
 * its list, so a cursor of another list is refused.
 */
export interface Keyset<T> {
  name: string;
  parts: KeyPart<T>[];
  descending?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VALID: Record<KeyType, (v: unknown) => boolean> = {
  int: (v) => typeof v === 'number' && Number.isSafeInteger(v),
  bigint: (v) => typeof v === 'string' && /^-?\d{1,19}$/.test(v),
  text: (v) => typeof v === 'string' && v.length <= 500,
  uuid: (v) => typeof v === 'string' && UUID.test(v),
  timestamp: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(v),
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
};

const sqlType = (t: KeyType): string => (t === 'timestamp' ? 'timestamptz' : t);

export function encodeCursor<T>(keyset: Keyset<T>, row: T): string {
  return Buffer.from(JSON.stringify([keyset.name, ...keyset.parts.map((p) => valueOf(p, row))]), 'utf8').toString('base64url');
}

function badCursor(): DomainError {
  return DomainError.invalid('cursor is not a position of this list: give the meta.nextCursor of a previous response', [{ field: 'cursor', message: 'unknown cursor' }], 'INVALID_CURSOR');
}

/** The key values a cursor holds, checked against the list's key types (never trusted into SQL unchecked). */
export function decodeCursor<T>(keyset: Keyset<T>, cursor: string): unknown[] {
  let parsed: unknown;
  try { parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')); } catch { throw badCursor(); }
  if (!Array.isArray(parsed) || parsed.length !== keyset.parts.length + 1 || parsed[0] !== keyset.name) throw badCursor();
  const values = parsed.slice(1);
  keyset.parts.forEach((p, i) => { if (!VALID[p.type](values[i])) throw badCursor(); });
  return values;
}

/**
 * What a list query needs for the request: the ORDER BY, the keyset condition
 * (with its parameters numbered after `paramCount`) and the LIMIT, one row
 * more than the page to know whether another follows.
 */
export interface CursorPlan {
  /** `(a, b) > ($3::int, $4::text)`, or null on a numbered page */
  after: { sql: string; params: unknown[] } | null;
  orderBy: string;
  /** `LIMIT n OFFSET m` with literal numbers (validated integers) */
  limit: string;
  /** true when the request pages by cursor: no total is counted */
  byCursor: boolean;
}

export function keysetOrderBy<T>(keyset: Keyset<T>): string {
  const dir = keyset.descending ? 'DESC' : 'ASC';
  return `ORDER BY ${keyset.parts.map((p) => `${p.sql} ${dir}`).join(', ')}`;
}

/**
 * Key columns the list's WHERE fixes by equality (`b.fiscal_year = 2026`), by SQL column. A leading key
 * column pinned to the cursor's own value is left out of the row comparison: `fiscal_year = $1 AND
 * (b, c, id) > (...)` is one index range, while `fiscal_year = $1 AND (fiscal_year, b, c, id) > (...)`
 * makes PostgreSQL start the scan at the first row of the year and filter every index entry up to the
 * cursor (and estimate the comparison from its first column alone, which planned a sort of every row
 * after the cursor). Decision 0023.
 */
export type PinnedKeys = Record<string, unknown>;

/** `(a, b) > ($n+1::int, $n+2::text)`: the rows after the key `values`, parameters numbered after `paramCount`. */
export function keysetAfter<T>(keyset: Keyset<T>, values: unknown[], paramCount: number, pinned: PinnedKeys = {}): { sql: string; params: unknown[] } {
  let lead = 0;
  while (lead < keyset.parts.length - 1 && keyset.parts[lead].sql in pinned && pinned[keyset.parts[lead].sql] !== undefined
    && String(pinned[keyset.parts[lead].sql]) === String(values[lead])) lead++;
  const parts = keyset.parts.slice(lead);
  const placeholders = parts.map((p, i) => `$${paramCount + i + 1}::${sqlType(p.type)}`);
  return { sql: `(${parts.map((p) => p.sql).join(', ')}) ${keyset.descending ? '<' : '>'} (${placeholders.join(', ')})`, params: values.slice(lead) };
}

/** The rows after `row` in the list order (the downloads page with it). */
export function keysetAfterRow<T>(keyset: Keyset<T>, row: T | null, paramCount: number, pinned?: PinnedKeys): { sql: string; params: unknown[] } | null {
  return row === null ? null : keysetAfter(keyset, keyset.parts.map((p) => valueOf(p, row)), paramCount, pinned);
}

/** `WHERE a AND b` from a clause (`WHERE ...` or '') and one more condition. */
export function whereAnd(clause: string, condition: string | undefined): string {
  if (!condition) return clause;
  return clause ? `${clause} AND ${condition}` : `WHERE ${condition}`;
}

export function cursorPlan<T>(keyset: Keyset<T>, q: CursorPageQueryDto, paramCount: number, pinned?: PinnedKeys): CursorPlan {
  const orderBy = keysetOrderBy(keyset);
  if (!q.cursor) return { after: null, orderBy, limit: `LIMIT ${q.limit + 1} OFFSET ${offsetOf(q)}`, byCursor: false };
  if (q.page !== 1) throw DomainError.invalid('page and cursor are exclusive: a cursor names its own position', [{ field: 'page', message: 'give page 1 (or none) with a cursor' }]);
  return { after: keysetAfter(keyset, decodeCursor(keyset, q.cursor), paramCount, pinned), orderBy, limit: `LIMIT ${q.limit + 1}`, byCursor: true };
}

/**
 * One page of a list in one statement: the page, and on a numbered page the
 * count of every match beside it (one round trip). `select` is the SELECT ...
 * FROM ... JOIN of the rows without WHERE; `countFrom` the FROM of the count
 * (the main table alone, aliased as in `where`).
 */
export async function listPage<T>(
  db: { query(sql: string, params?: unknown[]): Promise<unknown> },
  keyset: Keyset<T>, q: CursorPageQueryDto, o: { select: string; countFrom: string; where: { clause: string; params: unknown[] }; pinned?: PinnedKeys },
): Promise<CursorPage<T>> {
  const plan = cursorPlan(keyset, q, o.where.params.length, o.pinned);
  const page = `${o.select} ${whereAnd(o.where.clause, plan.after?.sql)} ${plan.orderBy} ${plan.limit}`;
  const params = [...o.where.params, ...(plan.after?.params ?? [])];
  if (plan.byCursor) return cursorPageOf(keyset, (await db.query(page, params)) as T[], q, null);
  const dir = keyset.descending ? 'DESC' : 'ASC';
  const rows = (await db.query(
    `WITH p AS (${page}) SELECT p.*, t.total AS "__total" FROM (SELECT count(*)::int AS total FROM ${o.countFrom} ${o.where.clause}) t
     LEFT JOIN p ON true ORDER BY ${keyset.parts.map((k) => `p."${k.field}"::${sqlType(k.type)} ${dir}`).join(', ')}`,
    params,
  )) as (T & { __total: number })[];
  const total = rows[0]?.__total ?? 0;
  const data = rows.filter((r) => r[keyset.parts[keyset.parts.length - 1].field] !== null).map(({ __total: _t, ...r }) => r as unknown as T);
  return cursorPageOf(keyset, data, q, total);
}

/** A key field named `__x` is selected only to build the cursor (e.g. a time to the microsecond): it leaves the row here. */
export function withoutKeyFields<T>(row: T): T {
  return Object.fromEntries(Object.entries(row as object).filter(([k]) => !k.startsWith('__'))) as T;
}

/** `SELECT <column> AS "__name", ...`: a hidden key column added to a list's SELECT. */
export function withKeyColumn(select: string, column: string): string {
  return select.replace(/^\s*SELECT\b/i, `SELECT ${column},`);
}

/** The time of a timestamptz column to the microsecond, as a cursor keeps it. */
export const microTime = (col: string): string => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The page (rows fetched with one extra), its next cursor, and the total when counted. */
export function cursorPageOf<T>(keyset: Keyset<T>, rows: T[], q: CursorPageQueryDto, total: number | string | null): CursorPage<T> {
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const meta: CursorPageMeta = { limit: q.limit, nextCursor: more ? encodeCursor(keyset, page[page.length - 1]) : null };
  const data = keyset.parts.some((p) => p.field.startsWith('__')) ? page.map(withoutKeyFields) : page;
  if (!q.cursor) meta.page = q.page;
  if (total !== null) meta.total = Number(total);
  return { data, meta };
}

/** Swagger: `{ data: Model[], meta: CursorPageMeta }`. */
export function ApiCursorPage(model: ClassType<unknown>) {
  return ApiListResponse(CursorPageMeta, model);
}
