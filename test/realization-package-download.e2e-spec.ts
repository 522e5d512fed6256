import { expectOk, packageBody } from './support/delivery-fixtures';
import { freshLine } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

interface Row { level: string; code: string; name: string; organizationName: string | null; appropriated: string; disbursed: string; absorptionPercent: string; deviation: string }

// The absorption per package as a download is read OPD by OPD from one
// snapshot (decision 0114): the file holds every row of the paged JSON, in
// its order, with the same figures; an OPD role's file holds its OPD's
// packages alone.
describe('e-controlling: the absorption per package downloads every row of the JSON, OPD by OPD', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // a package of OPD B beside the demo's packages of OPD A: the download then spans two OPDs
    const lineB = await freshLine(t, 'B', '300000000.00');
    const [{ sub }] = await t.sql<{ sub: string }>(`SELECT sub_activity_code AS sub FROM budget_lines WHERE id = $1`, [lineB]);
    expectOk(await t.post('/project-planning/packages', packageBody(await t.orgId('B'), sub, lineB, '250000000.00'), 'planner-b'), 201, 'package of OPD B');
  });
  afterAll(async () => { await t.close(); });

  const path = '/controlling/realization?fiscalYear=2026&month=12&groupBy=package';

  const jsonRows = async (user: string): Promise<Row[]> => {
    const rows: Row[] = [];
    for (let page = 1; ; page++) {
      const res = await t.get(`${path}&limit=500&page=${page}`, user);
      expect(res.status).toBe(200);
      rows.push(...res.body.data);
      if (rows.length >= res.body.meta.total) return rows;
    }
  };
  const csvLines = async (user: string): Promise<string[]> => {
    const res = await t.get(`${path}&format=csv`, user);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/serapan-2026-package\.csv/);
    return res.text.trim().split('\r\n');
  };

  it('CSV: the JSON rows in the JSON order, per package with its OPD and figures', async () => {
    const json = await jsonRows('auditor');
    expect(new Set(json.map((r) => r.organizationName)).size).toBeGreaterThan(1);
    const lines = await csvLines('auditor');
    expect(lines[0]).toBe('Tingkat,Kode,Uraian,OPD,Pagu,SPD,Komitmen,Realisasi,Rencana,Sisa,Serapan %,Rencana %,Deviasi,Target Fisik %,Fisik %');
    expect(lines).toHaveLength(json.length + 1);
    json.forEach((r, i) => {
      expect(lines[i + 1].startsWith(`package,${r.code},`)).toBe(true);
      expect(lines[i + 1]).toContain(`,${r.appropriated},,,${r.disbursed},`);
      expect(lines[i + 1]).toContain(`,${r.absorptionPercent},`);
    });
  });

  it('an OPD role downloads its own OPD\'s packages alone', async () => {
    const own = await jsonRows('planner-a');
    expect(own.length).toBeGreaterThan(0);
    const lines = await csvLines('planner-a');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(own.map((r) => r.code));
    expect(new Set(own.map((r) => r.organizationName)).size).toBe(1);
  });
});
