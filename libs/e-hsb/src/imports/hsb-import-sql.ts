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

/** A value in COPY's text format: tab-separated, backslash escapes, `\N` for null. */
export function copyText(v: string | number | boolean | null): string {
  if (v === null) return '\\N';
  return String(v).replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]);
}

function* copyChunks<T>(rows: Iterable<T>, cells: (row: T) => (string | number | boolean | null)[]): Generator<string> {
  let chunk: string[] = [];
  for (const r of rows) {
    chunk.push(cells(r).map(copyText).join('\t'));
    if (chunk.length === 2000) { yield `${chunk.join('\n')}\n`; chunk = []; }
  }
  if (chunk.length) yield `${chunk.join('\n')}\n`;
}

/** COPY ... FROM STDIN of `rows` on the transaction's own connection. */
export async function copyInto<T>(m: EntityManager, table: string, columns: string[], rows: Iterable<T>, cells: (row: T) => (string | number | boolean | null)[]): Promise<void> {
  const client = (m.queryRunner as unknown as { databaseConnection: PoolClient } | undefined)?.databaseConnection;
  if (!client) throw new Error('copyInto needs a transaction of its own connection');
  await pipeline(Readable.from(copyChunks(rows, cells)), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}

/** Staging tables of this transaction (dropped at its end, whatever the outcome). */
export async function createStaging(m: EntityManager): Promise<void> {
  await m.query(`DROP TABLE IF EXISTS pg_temp.hsb_import_rows, pg_temp.hsb_import_accounts`);
  await m.query(`
    CREATE TEMP TABLE hsb_import_rows (
      line integer PRIMARY KEY, ok boolean NOT NULL, code text, name text, specification text, unit text, price numeric(20,2),
      category text, ceiling text, account_codes text[], item_id uuid, state text
    ) ON COMMIT DROP`);
  await m.query(`CREATE TEMP TABLE hsb_import_accounts (line integer NOT NULL, ord integer NOT NULL, source text NOT NULL, cand1 text, cand2 text, leaf text) ON COMMIT DROP`);
}

export async function stage(m: EntityManager, rows: StagedRow[], accounts: StagedAccount[]): Promise<void> {
  await copyInto(m, 'hsb_import_rows', ['line', 'ok', 'code', 'name', 'specification', 'unit', 'price', 'category', 'ceiling'], rows,
    (r) => [r.line, r.ok, r.code, r.name, r.specification, r.unit, r.price, r.category, r.ceiling]);
  await copyInto(m, 'hsb_import_accounts', ['line', 'ord', 'source', 'cand1', 'cand2'], accounts,
    (a) => [a.line, a.ord, a.source, a.candidates[0] ?? null, a.candidates[1] ?? null]);
  await m.query(`ANALYZE hsb_import_rows; ANALYZE hsb_import_accounts`);
}

const LEAF = `e.version = $1 AND e.list = 'accounts' AND e.leaf AND starts_with(e.code, '5.')`;

/**
 * Resolves every account code against the expenditure leaves of code-list
 * version `version` (the candidates in order, then, with `crosswalk`, an
 * older code mapped into the version), gives each good row its sorted set of
 * leaves, marks rows with an unresolved code bad, and answers those codes
 * with what the crosswalk maps them to (for the report).
 */
export async function resolveAccounts(m: EntityManager, version: string, crosswalk: boolean): Promise<{ line: number; source: string; mapsTo: string | null }[]> {
  await m.query(`
    UPDATE hsb_import_accounts a SET leaf = COALESCE(
      (SELECT e.code FROM code_list_entries e WHERE ${LEAF} AND e.code = a.cand1),
      (SELECT e.code FROM code_list_entries e WHERE ${LEAF} AND e.code = a.cand2),
      CASE WHEN $2 THEN (SELECT min(x.to_code) FROM code_crosswalk x JOIN code_list_entries e ON ${LEAF} AND e.code = x.to_code
                          WHERE x.list = 'accounts' AND x.to_version = $1 AND x.from_code = a.cand1) END)`, [version, crosswalk]);
  await m.query(`
    UPDATE hsb_import_rows r SET account_codes = a.codes, ok = r.ok AND a.resolved
    FROM (SELECT line, bool_and(leaf IS NOT NULL) AS resolved,
            array_agg(DISTINCT leaf COLLATE "C" ORDER BY leaf COLLATE "C") FILTER (WHERE leaf IS NOT NULL) AS codes
          FROM hsb_import_accounts GROUP BY line) a
    WHERE a.line = r.line`);
  return m.query(`
    SELECT a.line, a.source,
      (SELECT max(x.to_code) FROM code_crosswalk x WHERE x.list = 'accounts' AND x.to_version = $1 AND x.from_code = a.source) AS "mapsTo"
    FROM hsb_import_accounts a WHERE a.leaf IS NULL ORDER BY a.line, a.ord`, [version]);
}

/** The second and later good rows of a code (each then bad), with the line the code first appears on. */
export async function duplicateCodes(m: EntityManager): Promise<{ line: number; code: string; first: number }[]> {
  return m.query(`
    WITH d AS (
      SELECT line, code, min(line) OVER (PARTITION BY code) AS first FROM hsb_import_rows WHERE ok
    ), bad AS (
      UPDATE hsb_import_rows r SET ok = false FROM d WHERE d.line = r.line AND d.line > d.first RETURNING r.line
    )
    SELECT d.line, d.code, d.first FROM d JOIN bad USING (line) ORDER BY d.line`);
}

/** Good rows with the name, specification and unit of an earlier good row (imported, with a warning). */
export async function repeatedItems(m: EntityManager): Promise<{ line: number; code: string; price: string; first: number; firstPrice: string }[]> {
  return m.query(`
    SELECT line, code, price::text AS price, first, "firstPrice" FROM (
      SELECT line, code, price,
        first_value(line) OVER w AS first, first_value(price::text) OVER w AS "firstPrice"
      FROM hsb_import_rows WHERE ok
      WINDOW w AS (PARTITION BY lower(name), lower(specification), lower(unit) ORDER BY line)
    ) t WHERE line > first ORDER BY line`);
}

/**
 * Classifies the good rows against the catalogue of the year (new, unchanged,
 * update, locked), locking the items they name, and answers the counts and
 * the locked rows that would change.
 */
export async function classify(m: EntityManager, fiscalYear: number): Promise<{ counts: Record<'new' | 'unchanged' | 'update' | 'locked', number>; locked: { line: number; code: string }[] }> {
  await m.query(`SELECT 1 FROM hsb_items i WHERE i.fiscal_year = $1 AND i.code IN (SELECT code FROM hsb_import_rows WHERE ok) FOR UPDATE OF i`, [fiscalYear]);
  await m.query(`
    UPDATE hsb_import_rows r SET item_id = i.id, state = CASE
        WHEN (i.name, i.specification, i.unit, i.price, i.category, i.ceiling, i.account_codes)
             IS NOT DISTINCT FROM (r.name, r.specification, r.unit, r.price, r.category, r.ceiling, r.account_codes) THEN 'unchanged'
        WHEN i.locked THEN 'locked' ELSE 'update' END
    FROM hsb_items i WHERE r.ok AND i.fiscal_year = $1 AND i.code = r.code`, [fiscalYear]);
  await m.query(`UPDATE hsb_import_rows SET state = 'new' WHERE ok AND state IS NULL`);
  const counts = { new: 0, unchanged: 0, update: 0, locked: 0 };
  for (const c of await m.query(`SELECT state, count(*)::int AS n FROM hsb_import_rows WHERE ok GROUP BY state`) as { state: keyof typeof counts; n: number }[]) counts[c.state] = c.n;
  const locked = counts.locked ? await m.query(`SELECT line, code FROM hsb_import_rows WHERE ok AND state = 'locked' ORDER BY line`) : [];
  return { counts, locked };
}

const VERSION_COLUMNS = 'name, specification, unit, category, ceiling, account_codes, price';

/** Inserts the new items (version 1) and writes the next version of the changed ones, naming the import on every version. */
export async function writeRows(m: EntityManager, fiscalYear: number, importId: string, userId: string | null): Promise<void> {
  await m.query(`
    WITH ins AS (
      INSERT INTO hsb_items (fiscal_year, code, ${VERSION_COLUMNS})
      SELECT $1, code, ${VERSION_COLUMNS} FROM hsb_import_rows WHERE ok AND state = 'new' ORDER BY line
      RETURNING id, ${VERSION_COLUMNS})
    INSERT INTO hsb_item_versions (item_id, version, ${VERSION_COLUMNS}, source, created_by, import_id)
    SELECT id, 1, ${VERSION_COLUMNS}, 'IMPORT', $3, $2 FROM ins`, [fiscalYear, importId, userId]);
  await m.query(`
    WITH upd AS (
      UPDATE hsb_items i SET name = r.name, specification = r.specification, unit = r.unit, category = r.category, ceiling = r.ceiling,
        account_codes = r.account_codes, price = r.price, version = i.version + 1, updated_at = now()
      FROM hsb_import_rows r WHERE r.ok AND r.state = 'update' AND i.id = r.item_id
      RETURNING i.id, i.version, i.name, i.specification, i.unit, i.category, i.ceiling, i.account_codes, i.price)
    INSERT INTO hsb_item_versions (item_id, version, ${VERSION_COLUMNS}, source, created_by, import_id)
    SELECT id, version, ${VERSION_COLUMNS}, 'IMPORT', $2, $1 FROM upd`, [importId, userId]);
}

/**
 * The digest of the versions an import wrote, as an auditor recomputes it from
 * the append-only version rows (docs/decisions/0062): SHA-256 over one line per
 * version, `code|version|price|name|specification|unit|category|ceiling|accounts`,
 * in code order (byte order), joined by line feeds.
 */
export const IMPORT_DIGEST_SQL = `
  SELECT count(*)::int AS versions, encode(sha256(convert_to(coalesce(string_agg(
      concat_ws('|', i.code, v.version, v.price::text, v.name, v.specification, v.unit, v.category, v.ceiling, array_to_string(v.account_codes, ';')),
      E'\\n' ORDER BY i.code COLLATE "C", v.version), ''), 'UTF8')), 'hex') AS digest
  FROM hsb_item_versions v JOIN hsb_items i ON i.id = v.item_id WHERE v.import_id = $1`;

export async function importDigest(m: EntityManager, importId: string): Promise<{ versions: number; digest: string }> {
  const [row] = await m.query(IMPORT_DIGEST_SQL, [importId]);
  return row;
}
