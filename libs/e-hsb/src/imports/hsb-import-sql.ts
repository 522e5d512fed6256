import { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EntityManager } from 'typeorm';

// The set-based half of a catalogue import (docs/decisions/0062): the rows a
// file's cells read into are streamed by COPY into staging tables of the
// transaction, then checked against the code list, the file itself and the
// catalogue, and written, each step one statement over the whole file.

/** One row of the file as its cells read (ok: no cell rule broken). */
export interface StagedRow {
  line: number;
  ok: boolean;
  code: string;
  name: string;
  specification: string;
  unit: string;
  price: string | null;
  category: string;
  ceiling: string;
}

/** One account code of a row as written, with the leaves it may stand for (accountCandidates). */
export interface StagedAccount {
  line: number;
  ord: number;
  source: string;
  candidates: string[];
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** A value in COPY's text format: tab-separated, backslash escapes, `\N` for null. */
export function copyText(v: string | number | boolean | null): string {
  if (v === null) return '\\N';
  const s = typeof v === 'string' ? v : String(v);
  // most cells need no escape: test once, and replace only those that do
  return NEEDS_ESCAPE.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : s;
}

/** COPY text of `rows` in chunks of about 64 kB, one line per row as `line` writes it (its cells through copyText). */
function* copyChunks<T>(rows: Iterable<T>, line: (row: T) => string): Generator<string> {
  let chunk = '';
  for (const r of rows) {
    chunk += `${line(r)}\n`;
    if (chunk.length >= 65536) { yield chunk; chunk = ''; }
  }
  if (chunk) yield chunk;
}

/** COPY ... FROM STDIN of `rows` on the transaction's own connection. */
export async function copyInto<T>(m: EntityManager, table: string, columns: string[], rows: Iterable<T>, line: (row: T) => string): Promise<void> {
  const client = (m.queryRunner as unknown as { databaseConnection: PoolClient } | undefined)?.databaseConnection;
  if (!client) throw new Error('copyInto needs a transaction of its own connection');
  await pipeline(Readable.from(copyChunks(rows, line)), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}

/**
 * Settings of the import's transaction only (issue 11, decision 0107): the
 * classified rows are analyzed on a sample of 3,000 rows rather than 30,000
 * (their row counts, which the plans need, are exact either way; the staged
 * tables are not analyzed at all, decision 0112), and the
 * inserts' RETURNING rows and the sorts of the checks stay in memory.
 */
export async function tuneImportTransaction(m: EntityManager): Promise<void> {
  await m.query(`SELECT set_config('default_statistics_target', '10', true), set_config('work_mem', '64MB', true)`);
}

/** Staging tables of this transaction (dropped at its end, whatever the outcome). */
export async function createStaging(m: EntityManager): Promise<void> {
  await m.query(`DROP TABLE IF EXISTS pg_temp.hsb_import_rows, pg_temp.hsb_import_accounts, pg_temp.hsb_import_leaves, pg_temp.hsb_import_good`);
  await m.query(`
    CREATE TEMP TABLE hsb_import_rows (
      line integer PRIMARY KEY, ok boolean NOT NULL, code text, name text, specification text, unit text, price numeric(20,2), category text, ceiling text
    ) ON COMMIT DROP`);
  await m.query(`CREATE TEMP TABLE hsb_import_accounts (line integer NOT NULL, ord integer NOT NULL, source text NOT NULL, cand1 text, cand2 text) ON COMMIT DROP`);
}

/**
 * Stages the rows, then the account codes: `rows` may be produced as the COPY
 * pulls them (it is read to its end first), `accounts` is read after it.
 */
export async function stage(m: EntityManager, rows: Iterable<StagedRow>, accounts: Iterable<StagedAccount>): Promise<void> {
  const t = copyText;
  await copyInto(m, 'hsb_import_rows', ['line', 'ok', 'code', 'name', 'specification', 'unit', 'price', 'category', 'ceiling'], rows,
    (r) => `${r.line}\t${r.ok ? 't' : 'f'}\t${t(r.code)}\t${t(r.name)}\t${t(r.specification)}\t${t(r.unit)}\t${t(r.price)}\t${t(r.category)}\t${t(r.ceiling)}`);
  await copyInto(m, 'hsb_import_accounts', ['line', 'ord', 'source', 'cand1', 'cand2'], accounts,
    (a) => `${a.line}\t${a.ord}\t${t(a.source)}\t${t(a.candidates[0] ?? null)}\t${t(a.candidates[1] ?? null)}`);
  // No ANALYZE of the staged tables (decision 0112): the planner sizes a
  // table never analyzed by its pages, and the plans of the steps that read
  // them (accounts, lock, classification) are the same with and without
  // statistics; the classified rows are analyzed (classify).
}

/** `alias` is the expenditure leaf `code` of code-list version $1 (a join condition on the entries' primary key). */
const leafOf = (alias: string, code: string) => `${alias}.version = $1 AND ${alias}.list = 'accounts' AND ${alias}.code = ${code} AND ${alias}.leaf AND starts_with(${alias}.code, '5.')`;

/**
 * Resolves every account code against the expenditure leaves of code-list
 * version `version`: the candidates in order, then, with `crosswalk`, the
 * leaf the crosswalk maps the code onto. Answers the codes that resolve to
 * nothing, with what the crosswalk maps them to (for the report). Joins on
 * the entries' primary key, so the plan holds without fresh statistics.
 */
export async function resolveAccounts(m: EntityManager, version: string, crosswalk: boolean): Promise<{ line: number; source: string; mapsTo: string | null }[]> {
  await m.query(`
    CREATE TEMP TABLE hsb_import_leaves ON COMMIT DROP AS
    SELECT s.line, s.ord, s.source, s.cand1, COALESCE(l1.code, l2.code) AS leaf
    FROM hsb_import_accounts s
      LEFT JOIN code_list_entries l1 ON ${leafOf('l1', 's.cand1')}
      LEFT JOIN code_list_entries l2 ON ${leafOf('l2', 's.cand2')}`, [version]);
  // the crosswalk, for the few distinct codes left: one lookup each
  if (crosswalk) {
    await m.query(`
      UPDATE hsb_import_leaves a SET leaf = r.leaf
      FROM (SELECT u.code, (SELECT min(e.code) FROM code_crosswalk x JOIN code_list_entries e ON ${leafOf('e', 'x.to_code')}
                            WHERE x.list = 'accounts' AND x.to_version = $1 AND x.from_code = u.code) AS leaf
            FROM (SELECT DISTINCT cand1 AS code FROM hsb_import_leaves WHERE leaf IS NULL) u) r
      WHERE a.leaf IS NULL AND a.cand1 = r.code AND r.leaf IS NOT NULL`, [version]);
  }
  // the codes that resolve to nothing, with the smallest code the crosswalk maps each to
  return m.query(`
    SELECT a.line, a.source, (SELECT min(x.to_code) FROM code_crosswalk x WHERE x.list = 'accounts' AND x.to_version = $1 AND x.from_code = a.source) AS "mapsTo"
    FROM hsb_import_leaves a WHERE a.leaf IS NULL ORDER BY a.line, a.ord`, [version]);
}

export type RowState = 'new' | 'unchanged' | 'update' | 'locked' | 'duplicate';

/**
 * The good rows (no cell broken, every account resolved), each with its
 * sorted set of leaves (byte order), the first line of its code in the file,
 * and what it is to the catalogue of the year, whose items it names are
 * locked first: `duplicate` (the code is on an earlier good line), `new`,
 * `unchanged`, `update`, or `locked` (would change a locked item).
 */
export async function classify(m: EntityManager, fiscalYear: number): Promise<Record<RowState, number>> {
  await m.query(`SELECT 1 FROM hsb_items i JOIN hsb_import_rows r ON r.code = i.code WHERE i.fiscal_year = $1 AND r.ok FOR UPDATE OF i`, [fiscalYear]);
  await m.query(`
    CREATE TEMP TABLE hsb_import_good ON COMMIT DROP AS
    WITH acc AS (
      SELECT line, bool_and(leaf IS NOT NULL) AS resolved, array_agg(DISTINCT leaf COLLATE "C" ORDER BY leaf COLLATE "C") AS codes
      FROM hsb_import_leaves GROUP BY line
    ), good AS (
      SELECT r.line, r.code, r.name, r.specification, r.unit, r.price, r.category, r.ceiling, acc.codes AS account_codes,
        min(r.line) OVER (PARTITION BY r.code) AS first
      FROM hsb_import_rows r JOIN acc ON acc.line = r.line WHERE r.ok AND acc.resolved
    )
    SELECT g.*, i.id AS item_id, CASE
        WHEN g.line > g.first THEN 'duplicate'
        WHEN i.id IS NULL THEN 'new'
        WHEN (i.name, i.specification, i.unit, i.price, i.category, i.ceiling, i.account_codes)
             IS NOT DISTINCT FROM (g.name, g.specification, g.unit, g.price, g.category, g.ceiling, g.account_codes) THEN 'unchanged'
        WHEN i.locked THEN 'locked' ELSE 'update' END AS state
    FROM good g LEFT JOIN hsb_items i ON i.fiscal_year = $1 AND i.code = g.code`, [fiscalYear]);
  await m.query(`ANALYZE hsb_import_good`);
  const counts: Record<RowState, number> = { new: 0, unchanged: 0, update: 0, locked: 0, duplicate: 0 };
  for (const c of await m.query(`SELECT state, count(*)::int AS n FROM hsb_import_good GROUP BY state`) as { state: RowState; n: number }[]) counts[c.state] = c.n;
  return counts;
}

/** The rows of a state (duplicates and locked ones, for the report), with the first line of their code. */
export function rowsIn(m: EntityManager, state: RowState): Promise<{ line: number; code: string; first: number }[]> {
  return m.query(`SELECT line, code, first FROM hsb_import_good WHERE state = $1 ORDER BY line`, [state]);
}

/** Good rows with the name, specification and unit of an earlier good row (imported, with a warning). */
export async function repeatedItems(m: EntityManager): Promise<{ line: number; code: string; price: string; first: number; firstPrice: string }[]> {
  return m.query(`
    SELECT line, code, price::text AS price, first, "firstPrice" FROM (
      SELECT line, code, price,
        first_value(line) OVER w AS first, first_value(price::text) OVER w AS "firstPrice"
      FROM hsb_import_good WHERE state <> 'duplicate'
      WINDOW w AS (PARTITION BY lower(name), lower(specification), lower(unit) ORDER BY line)
    ) t WHERE line > first ORDER BY line`);
}

const VERSION_COLUMNS = 'name, specification, unit, category, ceiling, account_codes, price';

/**
 * Inserts the new items (version 1), writes the next version of the changed
 * ones, and a version row per item naming the import, in one statement; it
 * answers the digest of the versions it wrote, as an auditor recomputes it
 * from the append-only version rows (docs/decisions/0062): SHA-256 over one
 * line per version, `code|version|price|name|specification|unit|category|ceiling|accounts`,
 * in code order (byte order), joined by line feeds:
 *
 * ```sql
 * SELECT count(*), encode(sha256(convert_to(coalesce(string_agg(
 *     concat_ws('|', i.code, v.version, v.price::text, v.name, v.specification, v.unit, v.category, v.ceiling, array_to_string(v.account_codes, ';')),
 *     E'\n' ORDER BY i.code COLLATE "C", v.version), ''), 'UTF8')), 'hex')
 * FROM hsb_item_versions v JOIN hsb_items i ON i.id = v.item_id WHERE v.import_id = $1
 * ```
 *
 * The digest is taken in the same statement, over the item rows the
 * version insert reads (one version row each, with the same values: the
 * version rows are those item rows), so neither the versions nor their items
 * are read again, nor are the 20,000 version rows kept, hashed and joined back
 * to their items' codes (decision 0113); the count is of the rows the version
 * insert wrote.
 */
export async function writeRows(m: EntityManager, fiscalYear: number, importId: string, userId: string | null): Promise<{ versions: number; digest: string }> {
  const [written] = await m.query(`
    WITH ins AS (
      INSERT INTO hsb_items (fiscal_year, code, ${VERSION_COLUMNS})
      SELECT $1, code, ${VERSION_COLUMNS} FROM hsb_import_good WHERE state = 'new' ORDER BY line
      RETURNING id, code, version, ${VERSION_COLUMNS}
    ), upd AS (
      UPDATE hsb_items i SET name = r.name, specification = r.specification, unit = r.unit, category = r.category, ceiling = r.ceiling,
        account_codes = r.account_codes, price = r.price, version = i.version + 1, updated_at = now()
      FROM hsb_import_good r WHERE r.state = 'update' AND i.id = r.item_id
      RETURNING i.id, i.code, i.version, i.name, i.specification, i.unit, i.category, i.ceiling, i.account_codes, i.price
    ), items AS (
      SELECT * FROM ins UNION ALL SELECT * FROM upd
    ), ver AS (
      INSERT INTO hsb_item_versions (item_id, version, ${VERSION_COLUMNS}, source, created_by, import_id)
      SELECT id, version, ${VERSION_COLUMNS}, 'IMPORT', $3, $2 FROM items
      RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM ver) AS versions, encode(sha256(convert_to(coalesce(string_agg(
        concat_ws('|', i.code, i.version, i.price::text, i.name, i.specification, i.unit, i.category, i.ceiling, array_to_string(i.account_codes, ';')),
        E'\\n' ORDER BY i.code COLLATE "C", i.version), ''), 'UTF8')), 'hex') AS digest
    FROM items i`, [fiscalYear, importId, userId]);
  return written;
}
