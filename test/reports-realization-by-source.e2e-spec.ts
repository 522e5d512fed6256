import ExcelJS from 'exceljs';
import request from 'supertest';
import { approvedSpm, issueSp2d, SUPPLIER } from './support/penatausahaan-fixtures';
import { accountLeaf, csvRows, fundingLeaf, plannedLine, unusedSubActivity, yesterday } from './support/report-fixtures';
import { startTestApp, TestApp } from './support/test-app';

type Row = { code: string; name: string; level: number; leaf: boolean; earmarked: boolean; budget: string; realized: string; remaining: string; percent: string };

// Realisation per funding source: a DAK-funded line paid by LS next to a
// general-fund one; the report's figures are recomputed from the ledger
// entries (both ways: per source and as totals), the earmarked funds stand
// apart, OPD roles see their own OPD only, and the exports carry the same figures.
describe('reports: realisation per funding source equals the ledger', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  /** Per funding source, from ledger_entries of 2026 expenditure lines in `orgs` (null: all). */
  const fromLedger = async (orgs: string[] | null, asOf: string | null) => t.sql<{ code: string; budget: string; realized: string }>(
    `SELECT b.funding_source_code AS code,
       COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'APPROPRIATION'), 0)::numeric(20,2)::text AS budget,
       COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'DISBURSEMENT'), 0)::numeric(20,2)::text AS realized
     FROM ledger_entries e JOIN budget_lines b ON b.id = e.budget_line_id
     WHERE b.fiscal_year = 2026 AND b.account_code LIKE '5.%' AND ($1::uuid[] IS NULL OR b.organization_id = ANY($1)) AND ($2::date IS NULL OR e.value_date <= $2::date)
     GROUP BY 1 HAVING sum(e.amount) FILTER (WHERE e.kind IN ('APPROPRIATION', 'DISBURSEMENT')) IS NOT NULL ORDER BY 1`, [orgs, asOf]);
  const sumOf = async (orgs: string[] | null, kind: string, where: string) => (await t.sql<{ s: string }>(
    `SELECT COALESCE(sum(e.amount), 0)::numeric(20,2)::text AS s FROM ledger_entries e JOIN budget_lines b ON b.id = e.budget_line_id
     WHERE b.fiscal_year = 2026 AND b.account_code LIKE '5.%' AND e.kind = $2 AND ($1::uuid[] IS NULL OR b.organization_id = ANY($1)) AND ${where}`, [orgs, kind]))[0].s;
  const leaves = (rows: Row[]) => rows.filter((r) => r.leaf && (r.budget !== '0.00' || r.realized !== '0.00')).map((r) => ({ code: r.code, budget: r.budget, realized: r.realized }));
  const sen = (s: string) => BigInt(s.replace('.', ''));

  it('reports DAK apart, reconciles to the sen, and scopes to the OPD', async () => {
    const sub = await unusedSubActivity(t, 'A');
    const dak = await fundingLeaf(t, '2.2.1.01.03', 2);
    const general = await fundingLeaf(t, '1.', 1);
    const acc = await accountLeaf(t, '5.1.02.01.01', 2);
    const onDak = await plannedLine(t, 'A', { subActivityCode: sub, accountCode: acc.code, fundingSourceCode: dak }, '7500000.00', '5000000.00');
    const onGeneral = await plannedLine(t, 'A', { subActivityCode: sub, accountCode: acc.code, fundingSourceCode: general }, '2500000.00', '2000000.00');
    await issueSp2d(t, (await approvedSpm(t, { type: 'LS', organizationId: orgA, payee: SUPPLIER, taxes: [], lines: [{ budgetLineId: onDak, amount: '2500000.03' }, { budgetLineId: onGeneral, amount: '99.99' }] })).spmId);

    // province-wide: every source, equal to the ledger per source and in total
    const res = await t.get('/reports/realization-by-source?fiscalYear=2026', 'auditor');
    expect(res.status).toBe(200);
    const rows = res.body.rows as Row[];
    expect(leaves(rows)).toEqual(await fromLedger(null, null));
    expect(res.body.totals.budget).toBe(await sumOf(null, 'APPROPRIATION', 'true'));
    expect(res.body.totals.realized).toBe(await sumOf(null, 'DISBURSEMENT', 'true'));
    expect(res.body.earmarked.realized).toBe(await sumOf(null, 'DISBURSEMENT', `b.funding_source_code LIKE '2.%'`));
    expect(res.body.general.budget).toBe(await sumOf(null, 'APPROPRIATION', `b.funding_source_code LIKE '1.%'`));
    expect(sen(res.body.general.realized) + sen(res.body.earmarked.realized)).toBe(sen(res.body.totals.realized));
    // each subtotal row is the sum of its children; DANA KHUSUS (2) is earmarked, DANA UMUM (1) is not
    for (const parent of rows.filter((r) => !r.leaf)) {
      const children = rows.filter((r) => r.code.startsWith(`${parent.code}.`) && r.code.split('.').length > parent.code.split('.').length
        && !rows.some((m) => m.code !== parent.code && r.code.startsWith(`${m.code}.`) && m.code.startsWith(`${parent.code}.`)));
      expect([parent.code, children.reduce((s, c) => s + sen(c.budget), 0n)]).toEqual([parent.code, sen(parent.budget)]);
    }
    expect(rows.find((r) => r.code === '2')).toMatchObject({ name: 'DANA KHUSUS', level: 1, leaf: false, earmarked: true, budget: res.body.earmarked.budget });
    expect(rows.find((r) => r.code === '1')).toMatchObject({ earmarked: false, budget: res.body.general.budget });
    expect(rows.find((r) => r.code === '2.2.1.01.03')).toMatchObject({ leaf: false, earmarked: true });

    // OPD A's planner: its own OPD (and units) only; the DAK line with its exact figures
    const own = await t.get('/reports/realization-by-source?fiscalYear=2026', 'planner-a');
    const scopeA = (await t.sql<{ id: string }>(`WITH RECURSIVE tree AS (SELECT id FROM organizations WHERE id = $1 UNION ALL SELECT o.id FROM organizations o JOIN tree ON o.parent_id = tree.id) SELECT id FROM tree`, [orgA])).map((r) => r.id);
    expect(leaves(own.body.rows)).toEqual(await fromLedger(scopeA, null));
    const one = await t.get(`/reports/realization-by-source?fiscalYear=2026&organizationId=${orgA}`, 'planner-a');
    expect(leaves(one.body.rows)).toEqual(await fromLedger([orgA], null));
    expect(one.body).toMatchObject({ organizationId: orgA, organizationCode: expect.any(String), organizationName: expect.any(String) });
    const dakRow = (one.body.rows as Row[]).find((r) => r.code === dak)!;
    const [dakLedger] = (await fromLedger([orgA], null)).filter((r) => r.code === dak);
    expect(dakRow).toMatchObject({ ...dakLedger, earmarked: true, leaf: true });
    expect(dakRow.remaining).toBe(((sen(dakRow.budget) - sen(dakRow.realized)) / 100n).toString() + '.' + ((sen(dakRow.budget) - sen(dakRow.realized)) % 100n).toString().padStart(2, '0'));
    // another OPD: named, it does not exist; unnamed, planner-b's report holds none of OPD A's postings
    expect((await t.get(`/reports/realization-by-source?fiscalYear=2026&organizationId=${orgA}`, 'planner-b')).status).toBe(404);
    const orgB = await t.orgId('B');
    const b = await t.get('/reports/realization-by-source?fiscalYear=2026', 'planner-b');
    expect(leaves(b.body.rows)).toEqual(await fromLedger((await t.sql<{ id: string }>(`SELECT id FROM organizations WHERE id = $1 OR parent_id = $1`, [orgB])).map((r) => r.id), null));
    expect(leaves(b.body.rows).find((r) => r.code === dak)?.realized ?? '0.00').not.toBe(dakRow.realized);

    // as of yesterday: today's payment is not realised yet, and still equals the ledger
    const before = await t.get(`/reports/realization-by-source?fiscalYear=2026&organizationId=${orgA}&asOf=${yesterday()}`, 'auditor');
    expect(before.body.asOf).toBe(yesterday());
    expect(leaves(before.body.rows)).toEqual(await fromLedger([orgA], yesterday()));
    expect(sen(before.body.totals.realized)).toBeLessThanOrEqual(sen(one.body.totals.realized) - 250010002n);

    // CSV and XLSX: the same rows and totals, names and codes, never ids
    const csv = await t.get(`/reports/realization-by-source?fiscalYear=2026&organizationId=${orgA}&format=csv`, 'planner-a');
    expect(csv.status).toBe(200);
    expect(csv.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    const cells = csvRows(csv.text);
    expect(cells[0]).toEqual(['Kode Sumber Dana', 'Sumber Dana', 'Level', 'Dana Khusus', 'Anggaran', 'Realisasi', 'Sisa', 'Persen']);
    expect(cells.find((r) => r[0] === dak)).toEqual([dak, dakRow.name, String(dakRow.level), 'Ya', dakRow.budget, dakRow.realized, dakRow.remaining, dakRow.percent]);
    const t1 = one.body.totals;
    expect(cells.find((r) => r[1] === 'JUMLAH')).toEqual(['', 'JUMLAH', '', '', t1.budget, t1.realized, t1.remaining, t1.percent]);
    expect(cells.find((r) => r[1] === 'JUMLAH DANA KHUSUS')?.slice(4, 6)).toEqual([one.body.earmarked.budget, one.body.earmarked.realized]);
    const file = await request(t.app.getHttpServer()).get(`/api/v1/reports/realization-by-source?fiscalYear=2026&organizationId=${orgA}&format=xlsx`)
      .set('Authorization', `Bearer ${await t.token('planner-a')}`).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as never);
    const sheet: unknown[][] = [];
    wb.worksheets[0].eachRow((r) => sheet.push((r.values as unknown[]).slice(1)));
    const x = sheet.find((r) => r[0] === dak)!;
    expect([x[1], Number(x[4]).toFixed(2), Number(x[5]).toFixed(2)]).toEqual([dakRow.name, dakRow.budget, dakRow.realized]);
  });
});
