import { Injectable } from '@nestjs/common';
import { AuditService, DomainError, FieldError, TransactionService } from '@grms/core';
import { parse } from 'csv-parse/sync';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EntityManager } from 'typeorm';
import { CodeListSpec, FUNCTIONS, SPEC_OF, VERSIONED_LISTS, VersionedList, VersionManifest } from './code-lists';
import { replaceVersion } from './version-writer';

export interface CodeRow { code: string; name: string; level: number; parentCode: string | null; note: string | null; indicator: string | null; unit: string | null; source: string }
export interface ImportSummary { table: string; rows: number; inserted: number; updated: number; unchanged: number }
/** What a version import changed, list by list, against `comparedWith` (the version's previous content, or the version before it). */
export interface ListChange { list: VersionedList; rows: number; added: number; retired: number; renamed: number; unchanged: number; examples: { added: string[]; retired: string[]; renamed: string[] } }
export interface VersionReport { version: string; name: string; comparedWith: string | null; lists: ListChange[]; crosswalks: { list: string; from: string; rows: number }[] }
export interface ReferenceImportReport { functions: ImportSummary | null; versions: VersionReport[] }

export interface ParsedVersion { dir: string; manifest: VersionManifest; lists: Map<VersionedList, CodeRow[]>; crosswalks: { list: VersionedList; from: string; file: string; pairs: [string, string][] }[] }

/** Finds data/reference from the working directory or from this file upwards. */
export function findReferenceDir(start?: string): string {
  const candidates = [start, process.env.GRMS_REFERENCE_DIR, process.cwd(), __dirname].filter(Boolean) as string[];
  for (const c of candidates) {
    let dir = resolve(c);
    for (;;) {
      if (existsSync(join(dir, 'lra_accounts.csv'))) return dir;
      const d = join(dir, 'data', 'reference');
      if (existsSync(join(d, 'lra_accounts.csv'))) return d;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error('data/reference was not found: run from the GRMS checkout or set GRMS_REFERENCE_DIR');
}

const readCsv = (path: string) => parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: false }) as Record<string, string>[];

// Validates a code list: formats, levels, parents; every bad row is named.
// A file without a parent_code column gets the parent the code's shape says.
export function validateCodeList(spec: CodeListSpec, records: Record<string, string>[]): { rows: CodeRow[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const rows: CodeRow[] = [];
  const codes = new Set(records.map((r) => (r.code ?? '').trim()));
  const seen = new Set<string>();
  records.forEach((r, i) => {
    const line = Number(r.__line ?? i + 2); // header is line 1
    const code = (r.code ?? '').trim();
    const err = (field: string, message: string) => errors.push({ row: line, field: r.__file ? `${r.__file}:${field}` : field, message });
    if (!spec.pattern.test(code)) return err('code', `"${code}" is not a valid ${spec.table} code`);
    if (seen.has(code)) return err('code', `${code} appears twice`);
    seen.add(code);
    const level = spec.levelOf(code);
    if (level === null || (r.level && Number(r.level) !== level)) return err('level', `${code} is level ${level} by its shape, the file says ${r.level}`);
    const expectedParent = spec.parentOf(code);
    const parent = 'parent_code' in r ? (r.parent_code ?? '').trim() || null : expectedParent;
    if (parent !== expectedParent) return err('parent_code', `${code} must have parent ${expectedParent ?? '(none)'}, the file says ${parent ?? '(none)'}`);
    if (parent && !codes.has(parent)) return err('parent_code', `parent ${parent} of ${code} is not in the list`);
    const name = (r.name ?? '').replace(/\s+/g, ' ').trim();
    if (!name && !/X/.test(code)) return err('name', `${code} has no name`);
    const text = (v: string | undefined) => (v ?? '').replace(/\s+/g, ' ').trim() || null;
    rows.push({ code, name, level, parentCode: parent, note: text(r.keterangan), indicator: text(r.indicator), unit: text(r.unit), source: r.__file ?? spec.file });
  });
  return { rows: rows.sort((a, b) => a.level - b.level || a.code.localeCompare(b.code)), errors };
}

/** Reads and checks one version folder (its version.json and the files it names); throws naming every bad row. */
export function readVersion(dir: string): ParsedVersion {
  const manifest = JSON.parse(readFileSync(join(dir, 'version.json'), 'utf8')) as VersionManifest;
  const errors: FieldError[] = [];
  if (!/^[A-Za-z0-9._-]{1,40}$/.test(manifest.id ?? '')) errors.push({ field: 'version.json:id', message: `"${manifest.id}" is not a version id (letters, digits, . _ -)` });
  if (!Number.isInteger(manifest.seq) || manifest.seq < 1) errors.push({ field: 'version.json:seq', message: 'seq must be a positive whole number (the order of versions)' });
  const lists = new Map<VersionedList, CodeRow[]>();
  for (const list of VERSIONED_LISTS) {
    const sources = manifest.lists?.[list] ?? [];
    if (sources.length === 0) { errors.push({ field: `version.json:lists.${list}`, message: `no file for ${list}` }); continue; }
    const records = sources.flatMap((s) => {
      const keep = s.codes ? new RegExp(s.codes) : null;
      return readCsv(resolve(dir, s.file)).map((r, i): Record<string, string> => ({ ...r, __line: String(i + 2), __file: s.file })).filter((r) => !keep || keep.test((r.code ?? '').trim()));
    });
    const v = validateCodeList(SPEC_OF[list], records);
    errors.push(...v.errors);
    lists.set(list, v.rows);
  }
  const crosswalks = (manifest.crosswalks ?? []).map((c) => ({
    list: c.list, from: c.from, file: c.file,
    pairs: readCsv(resolve(dir, c.file)).map((r) => [(r[c.fromColumn] ?? '').trim(), (r[c.toColumn] ?? '').trim()] as [string, string]),
  }));
  for (const c of crosswalks) {
    const current = new Set((lists.get(c.list) ?? []).map((r) => r.code));
    c.pairs.forEach(([from, to], i) => {
      if (!from || !to) errors.push({ row: i + 2, field: `${c.file}`, message: 'both codes are needed' });
      else if (!current.has(to)) errors.push({ row: i + 2, field: `${c.file}`, message: `${to} is not in ${manifest.id}` });
    });
  }
  if (errors.length) {
    throw DomainError.rule('REFERENCE_IMPORT_FAILED', `code-list version ${manifest.id ?? dir}: ${errors.length} bad rows; nothing was imported`, errors.slice(0, 200));
  }
  return { dir, manifest, lists, crosswalks };
}

/** The version folders under `base` (itself first when it has a version.json), in the order of their seq. */
export function versionDirs(base: string): string[] {
  const dirs = [base, ...readdirSync(base, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(base, d.name))];
  return dirs.filter((d) => existsSync(join(d, 'version.json')));
}

@Injectable()
export class ReferenceImportService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService) {}

  /**
   * Imports the functions list and every code-list version found in `dir`
   * (default data/reference: the 2019 lists and current/), all or nothing,
   * with a report of what each version changed.
   */
  async importAll(dir?: string): Promise<ReferenceImportReport> {
    const base = dir ? resolve(dir) : findReferenceDir();
    const versions = versionDirs(base).map(readVersion).sort((a, b) => a.manifest.seq - b.manifest.seq);
    const functions = existsSync(join(base, FUNCTIONS.file)) ? validated(FUNCTIONS, readCsv(join(base, FUNCTIONS.file))) : null;
    if (!versions.length && !functions) throw DomainError.rule('REFERENCE_IMPORT_FAILED', `${base} holds neither a version.json nor ${FUNCTIONS.file}; nothing was imported`);
    return this.tx.run(async (m) => {
      const report: ReferenceImportReport = { functions: functions ? await upsertFunctions(m, functions) : null, versions: [] };
      for (const v of versions) report.versions.push(await replaceVersion(m, v));
      this.audit.record({ action: 'REFERENCE.IMPORT', entityType: 'ReferenceData', entityId: null, after: { source: base, ...report } });
      return report;
    });
  }
}

function validated(spec: CodeListSpec, records: Record<string, string>[]): CodeRow[] {
  const { rows, errors } = validateCodeList(spec, records);
  if (errors.length) throw DomainError.rule('REFERENCE_IMPORT_FAILED', `${spec.file}: ${errors.length} bad rows; nothing was imported`, errors.slice(0, 200).map((e) => ({ ...e, field: `${spec.file}:${e.field}` })));
  return rows;
}

async function upsertFunctions(m: EntityManager, rows: CodeRow[]): Promise<ImportSummary> {
  const changed = await m.query(
    `INSERT INTO functions AS t (code, name, level, parent_code) SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code
     WHERE (t.name, t.level, t.parent_code) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code) RETURNING (xmax = 0) AS inserted`,
    [rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.level), rows.map((r) => r.parentCode)],
  );
  const inserted = changed.filter((r: { inserted: boolean }) => r.inserted).length;
  return { table: 'functions', rows: rows.length, inserted, updated: changed.length - inserted, unchanged: rows.length - changed.length };
}
