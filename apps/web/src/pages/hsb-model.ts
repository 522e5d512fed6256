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

/**
 * What an import's report means, said plainly (in Bahasa Indonesia and
 * English): a strict dry run with bad rows would write nothing at all (its
 * counts are zero because the whole file would be refused, not because the
 * rows are new to nobody), a dry run otherwise tells what a real run would
 * write, a real run what it wrote. `counts`: whether the new / changed /
 * unchanged figures mean anything to show.
 */
export interface ImportOutcome { kind: 'refused' | 'preview' | 'written'; text: [string, string]; counts: boolean }

/** "3", "3 dan 7" / "3 and 7", "3, 7, 9, 12, 15 …" (the first five bad lines, the table has them all). */
function lines(errors: readonly ImportIssue[], and: string): string {
  const rows = [...new Set(errors.map((e) => e.row))].sort((a, b) => a - b);
  const shown = rows.slice(0, 5);
  const more = rows.length > shown.length ? ' …' : '';
  return shown.length === 2 && !more ? `${shown[0]} ${and} ${shown[1]}` : `${shown.join(', ')}${more}`;
}

export function importOutcome(r: ImportReport): ImportOutcome {
  const bad = r.skipped;
  if (r.dryRun && r.mode === 'strict' && r.errors.length > 0) {
    return {
      kind: 'refused', counts: false, text: [
        `Tidak ada yang akan ditulis: ${bad} dari ${r.rows} baris salah (baris ${lines(r.errors, 'dan')}), dan impor mode ketat menolak seluruh berkas bila ada satu baris yang salah. `
          + 'Perbaiki baris yang tercantum di bawah menurut baris dan kolomnya, atau pilih mode sebagian untuk menulis baris yang benar saja.',
        `Nothing would be written: ${bad} of ${r.rows} rows are bad (line ${lines(r.errors, 'and')}), and a strict import refuses the whole file when any row is bad. `
          + 'Correct the rows listed below by line and column, or choose partial mode to write only the good rows.',
      ],
    };
  }
  const skipped: [string, string] = bad ? [`; baris salah dilewati: ${bad}`, `; bad rows skipped: ${bad}`] : ['', ''];
  if (r.dryRun) {
    return {
      kind: 'preview', counts: true, text: [
        `Uji saja, belum ada yang ditulis. Impor sungguhan akan menulis item baru: ${r.imported}, diubah: ${r.updated}, tetap sama: ${r.unchanged}${skipped[0]}.`,
        `Dry run, nothing written yet. A real import would write new items: ${r.imported}, changed: ${r.updated}, unchanged: ${r.unchanged}${skipped[1]}.`,
      ],
    };
  }
  return {
    kind: 'written', counts: true, text: [
      `Ditulis. Item baru: ${r.imported}, diubah: ${r.updated}, tetap sama: ${r.unchanged}${skipped[0]}.`,
      `Written. New items: ${r.imported}, changed: ${r.updated}, unchanged: ${r.unchanged}${skipped[1]}.`,
    ],
  };
}
