import { importForm, importIssues, importOutcome, ImportReport } from './hsb-model';

describe('web e-HSB page: the import form and its issues', () => {
  const issue = { row: 3, field: 'HARGA SATUAN', column: 'E', apiField: 'price', message: 'price "12.5.0" is not a non-negative amount' };

  it('sends the options as text fields and the file under `file`', async () => {
    const form = importForm(new Blob(['code,name\n']), 'harga.csv', { fiscalYear: 2027, profile: 'default', mode: 'partial', dryRun: true, locale: null });
    expect(form.get('fiscalYear')).toBe('2027');
    expect(form.get('mode')).toBe('partial');
    expect(form.get('dryRun')).toBe('true');
    expect(form.has('locale')).toBe(false);
    const file = form.get('file') as File;
    expect(file.name).toBe('harga.csv');
    expect(await file.text()).toBe('code,name\n');
    expect(importForm(new Blob([]), 'x.xlsx', { fiscalYear: 2026, profile: 'kota-malang-ssh', mode: 'strict', dryRun: false, locale: 'id' }).get('locale')).toBe('id');
  });

  it('reads the issues of a report and of a strict refusal alike, and no others', () => {
    const report: ImportReport = { fiscalYear: 2027, profile: 'default', mode: 'strict', dryRun: true, rows: 2, imported: 0, updated: 0, unchanged: 0, skipped: 1, errors: [issue], warnings: [] };
    expect(importIssues(report)).toEqual({ errors: [issue], warnings: [] });
    expect(importIssues({ status: 422, code: 'IMPORT_INVALID_ROWS', errors: [issue], warnings: [issue] } as never)).toEqual({ errors: [issue], warnings: [issue] });
    expect(importIssues({ status: 422, code: 'IMPORT_MISSING_COLUMNS', errors: [{ field: 'file', message: 'no price column' }] })).toBeNull();
  });
});

describe('web e-HSB page: what an import report means', () => {
  const bad = (row: number) => ({ row, field: 'HARGA SATUAN', column: 'E', apiField: 'price', message: 'not an amount' });
  const report = (over: Partial<ImportReport>): ImportReport => ({ fiscalYear: 2027, profile: 'default', mode: 'strict', dryRun: true, rows: 2, imported: 0, updated: 0, unchanged: 0, skipped: 0, errors: [], warnings: [], ...over });

  it('a strict dry run with bad rows: nothing would be written, why, and where the bad rows are; no counts shown as a result', () => {
    const o = importOutcome(report({ rows: 2, skipped: 1, errors: [bad(3)] }));
    expect(o.kind).toBe('refused');
    expect(o.counts).toBe(false);
    expect(o.text[0]).toMatch(/^Tidak ada yang akan ditulis: 1 dari 2 baris salah \(baris 3\), dan impor mode ketat menolak seluruh berkas/);
    expect(o.text[1]).toMatch(/^Nothing would be written: 1 of 2 rows are bad \(line 3\), and a strict import refuses the whole file when any row is bad\. /);
    expect(o.text[1]).toContain('listed below by line and column');
  });

  it('names the bad lines once each, in order, the first five then an ellipsis', () => {
    expect(importOutcome(report({ rows: 9, skipped: 2, errors: [bad(7), bad(3), { ...bad(3), field: 'KODE', column: 'A' }] })).text[1]).toContain('2 of 9 rows are bad (line 3 and 7)');
    expect(importOutcome(report({ rows: 99, skipped: 6, errors: [12, 3, 40, 5, 8, 9].map(bad) })).text[0]).toContain('(baris 3, 5, 8, 9, 12 …)');
  });

  it('a dry run without refusal tells what a real run would write; a real run what it wrote', () => {
    const partial = importOutcome(report({ mode: 'partial', rows: 3, imported: 1, updated: 1, skipped: 1, errors: [bad(3)] }));
    expect(partial).toEqual({ kind: 'preview', counts: true, text: [expect.stringContaining('belum ada yang ditulis'), 'Dry run, nothing written yet. A real import would write new items: 1, changed: 1, unchanged: 0; bad rows skipped: 1.'] });
    expect(importOutcome(report({ rows: 2, imported: 2 })).kind).toBe('preview');
    const written = importOutcome(report({ dryRun: false, mode: 'partial', rows: 3, imported: 1, unchanged: 1, skipped: 1, errors: [bad(3)] }));
    expect(written).toEqual({ kind: 'written', counts: true, text: [expect.stringContaining('Ditulis. Item baru: 1'), 'Written. New items: 1, changed: 0, unchanged: 1; bad rows skipped: 1.'] });
  });
});
