import { ReferenceImportService } from '@grms/budget';
import { DomainError, RequestContext, TempFolders } from '@grms/core';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from './support/test-app';

const REF = join(__dirname, '..', 'data', 'reference');

// `grms reference:import` as an operator runs it (the command calls this
// service): a reload reports what changed, a new version is all or nothing,
// and a version cannot drop a code its years' budgets use.
describe('reference:import of code-list versions', () => {
  let t: TestApp;
  let importer: ReferenceImportService;
  const temp = new TempFolders(); // the version folders the tests write
  const run = (dir?: string) => RequestContext.run({ requestId: 'e2e-reference-import' }, () => importer.importAll(dir));
  const versions = async () => (await t.get('/code-list-versions', 'admin')).body.data.map((v: { id: string }) => v.id);
  /** A version folder whose lists are the current ones, with `edit` applied to the accounts CSV. */
  const versionDir = (manifest: { id: string; seq: number }, edit: (csv: string) => string) => {
    const dir = temp.make('grms-version-');
    const current = join(REF, 'current');
    writeFileSync(join(dir, 'accounts.csv'), edit(readFileSync(join(current, 'accounts.csv'), 'utf8')));
    copyFileSync(join(current, 'nomenclature.csv'), join(dir, 'nomenclature.csv'));
    writeFileSync(join(dir, 'version.json'), JSON.stringify({
      ...manifest, name: `test version ${manifest.id}`, regulation: 'none',
      lists: { accounts: [{ file: 'accounts.csv' }, { file: join(REF, 'lra_accounts.csv'), codes: '^[46](\\.|$)' }], nomenclature: [{ file: 'nomenclature.csv' }], funding_sources: [{ file: join(REF, 'funding_sources.csv') }] },
      crosswalks: [],
    }));
    return dir;
  };

  jest.setTimeout(180_000); // each reload parses and checks ~20,000 codes
  beforeAll(async () => { t = await startTestApp(); importer = t.app.get(ReferenceImportService); });
  afterAll(async () => {
    try { await t?.close(); } finally { await temp.removeAll(); }
  });

  it('reloads the bundled lists with nothing changed, and says so', async () => {
    const report = await run();
    expect(report.versions.map((v) => [v.version, v.comparedWith])).toEqual([['PMDN90-2019', 'PMDN90-2019'], ['KMDN5889-2023', 'KMDN5889-2023']]);
    for (const v of report.versions) for (const l of v.lists) expect([l.list, l.added, l.retired, l.renamed]).toEqual([l.list, 0, 0, 0]);
    expect(report.versions[1].crosswalks).toEqual([{ list: 'accounts', from: 'PMDN90-2019', rows: 2158 }]);
  });

  it('loads a new version with a report of what changed against the version before it', async () => {
    const dir = versionDir({ id: 'TEST-2031', seq: 3 }, (csv) => csv
      .replace('Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor', 'Belanja Alat Tulis Kantor (test)')
      .replace(/^5\.1\.02\.01\.01\.0078,.*\r?\n/m, '')
      + '5.1.02.01.01.0999,Belanja Barang Uji,6\r\n');
    const [report] = (await run(dir)).versions;
    const accounts = report.lists.find((l) => l.list === 'accounts')!;
    expect(report.comparedWith).toBe('KMDN5889-2023');
    expect(accounts).toMatchObject({ added: 1, retired: 1, renamed: 1, examples: { added: ['5.1.02.01.01.0999'], retired: ['5.1.02.01.01.0078'], renamed: ['5.1.02.01.01.0024'] } });
    expect(await versions()).toEqual(['PMDN90-2019', 'KMDN5889-2023', 'TEST-2031']);
    // a new year takes the newest version; the demo years keep theirs
    expect((await t.post('/fiscal-years', { year: 2031, status: 'PLANNING' }, 'admin')).body.codeListVersion).toBe('TEST-2031');
    expect((await t.get('/accounts?fiscalYear=2031&q=5.1.02.01.01.0024', 'planner-a')).body.data[0].name).toBe('Belanja Alat Tulis Kantor (test)');
    expect((await t.get('/accounts?fiscalYear=2026&q=5.1.02.01.01.0024', 'planner-a')).body.data[0].name).toBe('Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor');
  });

  it('writes nothing when a row is bad, naming the file and the line', async () => {
    const dir = versionDir({ id: 'TEST-2032', seq: 4 }, (csv) => `${csv}5.1.02.01.01.99999,Kode Terlalu Panjang,6\r\n`);
    const err = await run(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('REFERENCE_IMPORT_FAILED');
    expect((err as DomainError).errors).toEqual([expect.objectContaining({ field: 'accounts.csv:code', row: 4278, message: expect.stringContaining('5.1.02.01.01.99999') })]);
    expect(await versions()).not.toContain('TEST-2032');
  });

  it('refuses a reload that would drop a code the budgets of its years use', async () => {
    const dir = versionDir({ id: 'KMDN5889-2023', seq: 2 }, (csv) => csv.replace(/^5\.1\.02\.01\.01\.0024,.*\r?\n/m, ''));
    const err = await run(dir).catch((e: unknown) => e) as DomainError;
    expect(err.code).toBe('REFERENCE_IMPORT_FAILED');
    expect(err.detail).toMatch(/would drop codes that budget data of its years uses: accounts 5\.1\.02\.01\.01\.0024 \(fiscal year 2026\)/);
    expect((await t.get('/accounts?fiscalYear=2026&q=5.1.02.01.01.0024', 'planner-a')).body.meta.total).toBe(1);
  });
});
