import { importForm, importIssues, ImportReport } from './hsb-model';

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
