import { Money } from '@grms/core';
import { xlsxDownload, xlsxRows } from './support/monev-fixtures';
import { startTestApp, TestApp } from './support/test-app';

interface Row { code: string; name: string; level: number; organizationCode: string; organizationName: string; budget: string; amendedBudget: string | null; realized: string; difference: string; percent: string | null }

// The LRA per OPD as a download is assembled OPD by OPD as its rows are read
// (decision 0114): the file holds the JSON report's rows, in its order, each
// OPD closed by its own surplus, net financing and SiLPA; an OPD role's file
// holds its OPD alone, and another OPD is refused before any byte.
describe('reports: the LRA per OPD downloads the JSON report\'s rows OPD by OPD', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  const path = '/reports/lra?fiscalYear=2026&asOf=2026-12-31&groupBy=organization&level=6';
  const tail = (r: Row) => `,${r.level},${r.budget},${r.amendedBudget ?? ''},${r.realized},${r.difference},${r.percent ?? ''}`;

  it('CSV and XLSX carry every row of the JSON report in its order, OPD after OPD', async () => {
    const json = (await t.get(path, 'auditor')).body as { rows: Row[] };
    const opds = [...new Set(json.rows.map((r) => r.organizationCode))];
    expect(opds.length).toBeGreaterThan(1);
    expect(opds).toEqual([...opds].sort());
    // each OPD's rows end with its own statutory totals
    for (const opd of opds) expect(json.rows.filter((r) => r.organizationCode === opd).slice(-2).map((r) => r.code)).toEqual(['PEMBIAYAAN_NETTO', 'SILPA']);

    const csv = await t.get(`${path}&format=csv`, 'auditor');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/lra-2026-2026-12-31\.csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('Kode OPD,OPD,Kode,Uraian,Level,Anggaran,Anggaran Setelah Perubahan,Realisasi s.d. 2026-12-31,Lebih/(Kurang),%');
    expect(lines).toHaveLength(json.rows.length + 1);
    json.rows.forEach((r, i) => {
      expect(lines[i + 1].startsWith(`${r.organizationCode},`)).toBe(true);
      expect(lines[i + 1].endsWith(tail(r))).toBe(true);
    });

    const x = await xlsxDownload(t, path, 'auditor');
    expect(x.status).toBe(200);
    const [, ...cells] = await xlsxRows(x.body);
    expect(cells).toHaveLength(json.rows.length);
    json.rows.forEach((r, i) => {
      expect([cells[i][0], cells[i][2], Money.of(cells[i][5]).toString(), Money.of(cells[i][7]).toString()]).toEqual([r.organizationCode, r.code, r.budget, r.realized]);
    });
  });

  it('an OPD role downloads its OPD alone; another OPD is 404 before any byte', async () => {
    const own = await t.get(`${path}&format=csv`, 'planner-a');
    expect(own.status).toBe(200);
    const codes = new Set(own.text.trim().split('\r\n').slice(1).map((l) => l.split(',')[0]));
    expect([...codes]).toEqual(['1.01.0.00.0.00.01.0000']);
    const other = await t.get(`${path}&format=csv&organizationId=${await t.orgId('B')}`, 'planner-a');
    expect(other.status).toBe(404);
    expect(other.headers['content-type']).toContain('application/problem+json');
  });
});
