import { DomainError } from '@grms/core';
import { EntityManager } from 'typeorm';
import { SPEC_OF, VERSIONED_LISTS, VersionedList } from './code-lists';
import type { CodeRow, ListChange, ParsedVersion, VersionReport } from './reference-import.service';

// Writes one code-list version in the caller's transaction: the version row,
// its entries (replacing what the version held), the codes in the union
// tables the foreign keys point at, and its crosswalks. Refuses, naming the
// codes, when budget data of a year on this version uses a code the new
// content drops.
export async function replaceVersion(m: EntityManager, v: ParsedVersion): Promise<VersionReport> {
  const { manifest } = v;
  const [clash] = await m.query(`SELECT id FROM code_list_versions WHERE seq = $1 AND id <> $2`, [manifest.seq, manifest.id]);
  if (clash) throw DomainError.rule('REFERENCE_IMPORT_FAILED', `version ${manifest.id}: seq ${manifest.seq} is already taken by version ${clash.id}; nothing was imported`);
  await m.query(
    `INSERT INTO code_list_versions (id, seq, name, regulation, loaded_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, name = EXCLUDED.name, regulation = EXCLUDED.regulation, loaded_at = now()`,
    [manifest.id, manifest.seq, manifest.name, manifest.regulation]);
  const [{ newest }] = await m.query(`SELECT max(seq) = $1 AS newest FROM code_list_versions`, [manifest.seq]);
  let [basis] = await m.query(`SELECT $1::text AS id FROM code_list_entries WHERE version = $1 LIMIT 1`, [manifest.id]);
  if (!basis) [basis] = await m.query(`SELECT v.id FROM code_list_versions v WHERE v.seq < $1 AND EXISTS (SELECT 1 FROM code_list_entries e WHERE e.version = v.id) ORDER BY v.seq DESC LIMIT 1`, [manifest.seq]);
  const before: { list: VersionedList; code: string; name: string }[] = basis ? await m.query(`SELECT list, code, name FROM code_list_entries WHERE version = $1`, [basis.id]) : [];

  await m.query(`DELETE FROM code_crosswalk WHERE to_version = $1`, [manifest.id]);
  const lists: ListChange[] = [];
  for (const list of VERSIONED_LISTS) {
    const rows = v.lists.get(list)!;
    await upsertUnion(m, list, rows, newest);
    await writeEntries(m, manifest.id, list, rows);
    lists.push(changes(list, rows, before.filter((b) => b.list === list)));
  }
  const crosswalks = [];
  for (const c of v.crosswalks) {
    const missing: { code: string }[] = await m.query(
      `SELECT f.code FROM unnest($1::text[]) AS f(code) WHERE NOT EXISTS (SELECT 1 FROM code_list_entries e WHERE e.version = $2 AND e.list = $3 AND e.code = f.code) LIMIT 20`,
      [c.pairs.map((p) => p[0]), c.from, c.list]);
    if (missing.length) {
      throw DomainError.rule('REFERENCE_IMPORT_FAILED', `${c.file}: ${missing.length === 20 ? '20 or more' : missing.length} codes are not in version ${c.from} (${missing.map((x) => x.code).join(', ')}); load ${c.from} first. Nothing was imported`);
    }
    await m.query(
      `INSERT INTO code_crosswalk (list, from_version, from_code, to_version, to_code) SELECT $1, $2, f, $3, t FROM unnest($4::text[], $5::text[]) AS x(f, t)`,
      [c.list, c.from, manifest.id, c.pairs.map((p) => p[0]), c.pairs.map((p) => p[1])]);
    crosswalks.push({ list: c.list, from: c.from, rows: c.pairs.length });
  }
  await refuseDroppedCodesInUse(m, manifest.id);
  // Fresh statistics before anything looks these codes up: the row triggers
  // that keep budget data to its year's codes plan their lookup once per
  // connection, and on a never-analyzed list the planner may read the whole
  // list per row instead of its key (docs/decisions/0014).
  await m.query(`ANALYZE code_list_entries, code_crosswalk`);
  return { version: manifest.id, name: manifest.name, comparedWith: basis?.id ?? null, lists, crosswalks };
}

async function upsertUnion(m: EntityManager, list: VersionedList, rows: CodeRow[], overwrite: boolean): Promise<void> {
  const table = SPEC_OF[list].table;
  const onConflict = overwrite
    ? `DO UPDATE SET name = EXCLUDED.name, note = EXCLUDED.note WHERE (t.name, t.note) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.note)`
    : 'DO NOTHING';
  await m.query(
    `INSERT INTO ${table} AS t (code, name, level, parent_code, note)
     SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::text[], $5::text[]) ON CONFLICT (code) ${onConflict}`,
    [rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.level), rows.map((r) => r.parentCode), rows.map((r) => r.note)]);
}

// Upserts the version's entries (a reload that changes nothing writes
// nothing) and deletes the codes the new content no longer has.
async function writeEntries(m: EntityManager, version: string, list: VersionedList, rows: CodeRow[]): Promise<void> {
  const parents = new Set(rows.map((r) => r.parentCode));
  for (let i = 0; i < rows.length; i += 5000) {
    const c = rows.slice(i, i + 5000);
    await m.query(
      `INSERT INTO code_list_entries AS t (version, list, code, name, level, parent_code, leaf, note, indicator, unit, source)
       SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::smallint[], $6::text[], $7::boolean[], $8::text[], $9::text[], $10::text[], $11::text[])
       ON CONFLICT (version, list, code) DO UPDATE SET name = EXCLUDED.name, leaf = EXCLUDED.leaf, note = EXCLUDED.note,
         indicator = EXCLUDED.indicator, unit = EXCLUDED.unit, source = EXCLUDED.source
       WHERE (t.name, t.leaf, t.note, t.indicator, t.unit, t.source) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.leaf, EXCLUDED.note, EXCLUDED.indicator, EXCLUDED.unit, EXCLUDED.source)`,
      [version, list, c.map((r) => r.code), c.map((r) => r.name), c.map((r) => r.level), c.map((r) => r.parentCode), c.map((r) => !parents.has(r.code)),
        c.map((r) => r.note), c.map((r) => r.indicator), c.map((r) => r.unit), c.map((r) => r.source)]);
  }
  await m.query(
    `DELETE FROM code_list_entries WHERE version = $1 AND list = $2 AND code <> ALL($3::text[])`, [version, list, rows.map((r) => r.code)]);
}

function changes(list: VersionedList, rows: CodeRow[], before: { code: string; name: string }[]): ListChange {
  const old = new Map(before.map((b) => [b.code, b.name]));
  const now = new Set(rows.map((r) => r.code));
  const added = rows.filter((r) => !old.has(r.code)).map((r) => r.code);
  const renamed = rows.filter((r) => old.has(r.code) && old.get(r.code) !== r.name).map((r) => r.code);
  const retired = before.filter((b) => !now.has(b.code)).map((b) => b.code);
  return {
    list, rows: rows.length, added: added.length, retired: retired.length, renamed: renamed.length,
    unchanged: rows.length - added.length - renamed.length,
    examples: { added: added.slice(0, 5), retired: retired.slice(0, 5), renamed: renamed.slice(0, 5) },
  };
}

// Budget data keeps the codes of its year: a reload may not drop one in use.
async function refuseDroppedCodesInUse(m: EntityManager, version: string): Promise<void> {
  const used: { what: string; code: string; year: number }[] = await m.query(
    `WITH y AS (SELECT year FROM fiscal_years WHERE code_list_version = $1),
     used AS (
       SELECT 'nomenclature' AS list, sub_activity_code AS code, fiscal_year AS year FROM budget_lines WHERE fiscal_year IN (SELECT year FROM y)
       UNION SELECT 'accounts', account_code, fiscal_year FROM budget_lines WHERE fiscal_year IN (SELECT year FROM y)
       UNION SELECT 'funding_sources', funding_source_code, fiscal_year FROM budget_lines WHERE fiscal_year IN (SELECT year FROM y)
       UNION SELECT 'nomenclature', sub_activity_code, fiscal_year FROM budget_documents WHERE fiscal_year IN (SELECT year FROM y)
       UNION SELECT 'accounts', i.account_code, d.fiscal_year FROM budget_document_items i JOIN budget_documents d ON d.id = i.document_id WHERE d.fiscal_year IN (SELECT year FROM y)
       UNION SELECT 'accounts', unnest(account_codes), fiscal_year FROM hsb_items WHERE fiscal_year IN (SELECT year FROM y))
     SELECT list AS what, code, year FROM used u
     WHERE NOT EXISTS (SELECT 1 FROM code_list_entries e WHERE e.version = $1 AND e.list = u.list AND e.code = u.code)
     ORDER BY year, list, code LIMIT 20`, [version]);
  if (used.length) {
    throw DomainError.rule('REFERENCE_IMPORT_FAILED',
      `version ${version} would drop codes that budget data of its years uses: ${used.map((u) => `${u.what} ${u.code} (fiscal year ${u.year})`).join(', ')}; nothing was imported`);
  }
}
