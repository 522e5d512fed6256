import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, DomainError, FieldError, TransactionService } from '@grms/core';
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { CODE_LISTS, CodeListSpec } from './code-lists';

export interface CodeRow { code: string; name: string; level: number; parentCode: string | null; note: string | null }
export interface ImportSummary { table: string; rows: number; inserted: number; updated: number; unchanged: number }

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

// Validates a code list: formats, levels, parents; every bad row is named.
export function validateCodeList(spec: CodeListSpec, records: Record<string, string>[]): { rows: CodeRow[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const rows: CodeRow[] = [];
  const codes = new Set(records.map((r) => (r.code ?? '').trim()));
  const seen = new Set<string>();
  records.forEach((r, i) => {
    const line = i + 2; // header is line 1
    const code = (r.code ?? '').trim();
    const err = (field: string, message: string) => errors.push({ row: line, field, message });
    if (!spec.pattern.test(code)) return err('code', `"${code}" is not a valid ${spec.table} code`);
    if (seen.has(code)) return err('code', `${code} appears twice`);
    seen.add(code);
    const level = spec.levelOf(code);
    if (level === null || (r.level && Number(r.level) !== level)) return err('level', `${code} is level ${level} by its shape, the file says ${r.level}`);
    const expectedParent = spec.parentOf(code);
    const parent = (r.parent_code ?? '').trim() || null;
    if (parent !== expectedParent) return err('parent_code', `${code} must have parent ${expectedParent ?? '(none)'}, the file says ${parent ?? '(none)'}`);
    if (parent && !codes.has(parent)) return err('parent_code', `parent ${parent} of ${code} is not in the list`);
    const name = (r.name ?? '').replace(/\s+/g, ' ').trim();
    if (!name && !/X/.test(code)) return err('name', `${code} has no name`);
    rows.push({ code, name, level, parentCode: parent, note: (r.keterangan ?? '').trim() || null });
  });
  return { rows: rows.sort((a, b) => a.level - b.level || a.code.localeCompare(b.code)), errors };
}

@Injectable()
export class ReferenceImportService {
  private readonly logger = new Logger('ReferenceImport');

  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly tx: TransactionService, private readonly audit: AuditService) {}

  /** Imports every code list from `dir` (default data/reference); all or nothing. */
  async importAll(dir?: string): Promise<ImportSummary[]> {
    const base = findReferenceDir(dir);
    const parsed = CODE_LISTS.map((spec) => {
      const records = parse(readFileSync(join(base, spec.file)), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: false }) as Record<string, string>[];
      const { rows, errors } = validateCodeList(spec, records);
      if (errors.length) {
        throw DomainError.rule('REFERENCE_IMPORT_FAILED', `${spec.file}: ${errors.length} bad rows; nothing was imported`, errors.slice(0, 200).map((e) => ({ ...e, field: `${spec.file}:${e.field}` })));
      }
      return { spec, rows };
    });
    return this.tx.run(async (m) => {
      const out: ImportSummary[] = [];
      for (const { spec, rows } of parsed) out.push(await upsert(m, spec, rows));
      this.audit.record({ action: 'REFERENCE.IMPORT', entityType: 'ReferenceData', entityId: null, after: { source: base, lists: out } });
      return out;
    });
  }
}

async function upsert(m: EntityManager, spec: CodeListSpec, rows: CodeRow[]): Promise<ImportSummary> {
  const hasNote = spec.table !== 'functions';
  const [{ before }] = await m.query(`SELECT count(*)::int AS before FROM ${spec.table}`);
  const cols = hasNote ? 'code, name, level, parent_code, note' : 'code, name, level, parent_code';
  const unnest = hasNote ? 'unnest($1::text[], $2::text[], $3::smallint[], $4::text[], $5::text[])' : 'unnest($1::text[], $2::text[], $3::smallint[], $4::text[])';
  const set = hasNote
    ? 'name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, note = EXCLUDED.note'
    : 'name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code';
  const distinct = hasNote
    ? `(t.name, t.level, t.parent_code, t.note) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code, EXCLUDED.note)`
    : `(t.name, t.level, t.parent_code) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code)`;
  const params: unknown[] = [rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.level), rows.map((r) => r.parentCode)];
  if (hasNote) params.push(rows.map((r) => r.note));
  const changed = await m.query(
    `INSERT INTO ${spec.table} AS t (${cols}) SELECT * FROM ${unnest} ON CONFLICT (code) DO UPDATE SET ${set} WHERE ${distinct} RETURNING (xmax = 0) AS inserted`,
    params,
  );
  const inserted = changed.filter((r: { inserted: boolean }) => r.inserted).length;
  void before;
  return { table: spec.table, rows: rows.length, inserted, updated: changed.length - inserted, unchanged: rows.length - changed.length };
}
