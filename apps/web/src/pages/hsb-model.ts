// The rules of the e-HSB page that need no browser: the form of an import
// (POST /hsb/imports, multipart) and its issues read the same way from a
// 200 report and from a 422 IMPORT_INVALID_ROWS refusal.
import { Problem } from '../api';

export const HSB_CATEGORIES = ['SSH', 'HSPK', 'ASB', 'SBU'] as const;
export const IMPORT_PROFILES = ['default', 'kota-malang-ssh'] as const;

export interface ImportIssue { row: number; field: string; column?: string; apiField?: string; message: string }
export interface ImportReport {
  fiscalYear: number; profile: string; mode: string; dryRun: boolean; rows: number;
  imported: number; updated: number; unchanged: number; skipped: number; errors: ImportIssue[]; warnings: ImportIssue[];
}

export interface ImportOptions { fiscalYear: number; profile: string; mode: 'strict' | 'partial'; dryRun: boolean; locale: 'en' | 'id' | null }

/** The multipart form of an import: the file under `file`, the options as text fields; no locale means the profile's. */
export function importForm(file: Blob, fileName: string, o: ImportOptions): FormData {
  const form = new FormData();
  form.set('fiscalYear', String(o.fiscalYear));
  form.set('profile', o.profile);
  form.set('mode', o.mode);
  form.set('dryRun', String(o.dryRun));
  if (o.locale) form.set('locale', o.locale);
  form.set('file', file, fileName);
  return form;
}

/**
 * The bad rows and remarks of an import: a report's `errors` and `warnings`,
 * or those of a refusal (422 IMPORT_INVALID_ROWS carries every bad row in
 * `errors`, with its line, column and API field, and the remarks in
 * `warnings`). Null for any other problem (shown as it came).
 */
export function importIssues(from: ImportReport | Problem): { errors: ImportIssue[]; warnings: ImportIssue[] } | null {
  if ('rows' in from) return { errors: from.errors, warnings: from.warnings };
  if (from.code !== 'IMPORT_INVALID_ROWS') return null;
  const p = from as Problem & { errors?: ImportIssue[]; warnings?: ImportIssue[] };
  return { errors: p.errors ?? [], warnings: p.warnings ?? [] };
}
