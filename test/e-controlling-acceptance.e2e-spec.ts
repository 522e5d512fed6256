import { LedgerKind, LedgerService } from '@grms/budget';
import { Money, TransactionService } from '@grms/core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { allRows, packageRow, Row } from './support/controlling-fixtures';
import { freshLine } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// Issue 10's acceptance for e-controlling, through the API: the RFK of
// September 2026 marks the demo's contract 12 points behind at 40% planned
// CRITICAL and the one 4 points behind at 80% LATE; absorption per OPD equals
// disbursed / appropriated recomputed from the ledger entries; CSV and XLSX
// carry the JSON's figures; a frozen month stays the same after later
// postings (a correction is a new version).
describe('e-controlling: the auditor\'s RFK, absorption and frozen months', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('the auditor pulls the frozen RFK of September and finds the CRITICAL, LATE and ON_TRACK contracts', async () => {
    const res = await t.get('/controlling/rfk?fiscalYear=2026&month=9&limit=500', 'auditor');
    expect(res.status).toBe(200);
    expect(res.body.report).toMatchObject({ fiscalYear: 2026, month: 9, asOf: '2026-09-30', frozen: true, version: 1, frozenBy: 'admin', versions: [1] });
    const rows: Row[] = res.body.data;
    expect(packageRow(rows, 'KTR/004/DISDIKBUD/2026')).toMatchObject({ physicalTarget: '40.00', physicalRealisation: '28.00', physicalDeviation: '-12.00', status: 'CRITICAL' });
    // the show-cause meeting of 5 October is in October's RFK, not September's
    expect(packageRow(rows, 'KTR/004/DISDIKBUD/2026')!.followUp).toBeNull();
    const october = (await t.get('/controlling/rfk?fiscalYear=2026&month=10&limit=500', 'auditor')).body.data as Row[];
    expect(String(packageRow(october, 'KTR/004/DISDIKBUD/2026')!.followUp)).toContain('SHOW_CAUSE_MEETING 1 2026-10-05: target 40.00% by 2026-10-26');
    expect(packageRow(rows, 'KTR/005/DISDIKBUD/2026')).toMatchObject({ physicalTarget: '80.00', physicalRealisation: '76.00', physicalDeviation: '-4.00', status: 'LATE' });
    expect(packageRow(rows, 'KTR/006/DISDIKBUD/2026')).toMatchObject({ physicalTarget: '60.00', physicalRealisation: '61.00', status: 'ON_TRACK' });
    // every level of the hierarchy, OPD first; weights of an OPD's programs add up to its own
    expect(new Set(rows.map((r) => r.level))).toEqual(new Set(['OPD', 'PROGRAM', 'KEGIATAN', 'SUB_KEGIATAN', 'PACKAGE']));
    expect(rows[0].level).toBe('OPD');
    const frozen = (await t.sql<{ n: number }>(`SELECT count(DISTINCT month)::int AS n FROM rfk_snapshots WHERE fiscal_year = 2026 AND as_of < current_date`))[0].n;
    const [{ over }] = await t.sql<{ over: number }>(`SELECT count(*)::int AS over FROM generate_series(1, 12) m WHERE (make_date(2026, m, 1) + interval '1 month' - interval '1 day')::date < current_date`);
    expect(frozen).toBe(over);

    const critical = await t.get('/controlling/packages?fiscalYear=2026&month=9&status=CRITICAL', 'auditor');
    const k4 = critical.body.data.find((p: Row) => p.contractNumber === 'KTR/004/DISDIKBUD/2026');
    expect(k4).toMatchObject({ plannedPhysical: '40.00', actualPhysical: '28.00', physicalDeviation: '-12.00', status: 'CRITICAL', type: 'CONSTRUCTION' });
    expect(k4.escalations).toEqual([]);
    const k4oct = (await t.get('/controlling/packages?fiscalYear=2026&month=10&status=CRITICAL', 'auditor')).body.data.find((p: Row) => p.contractNumber === 'KTR/004/DISDIKBUD/2026');
    expect(k4oct.escalations).toEqual([expect.objectContaining({ kind: 'SHOW_CAUSE_MEETING', stage: 1, targetPercent: '40.00', targetDate: '2026-10-26' })]);
    expect(critical.body.data.every((p: Row) => p.status === 'CRITICAL')).toBe(true);
    const late = (await t.get('/controlling/packages?fiscalYear=2026&month=9&status=LATE', 'auditor')).body.data.find((p: Row) => p.contractNumber === 'KTR/005/DISDIKBUD/2026');
    expect(late).toMatchObject({ plannedPhysical: '80.00', actualPhysical: '76.00', projectedCompletion: '2026-11-11' });
    // interpolated by day: on 15 September the LATE contract's plan is 70 + 10 x 15/30
    const mid = (await t.get('/controlling/packages?fiscalYear=2026&asOf=2026-09-15', 'auditor')).body.data.find((p: Row) => p.contractNumber === 'KTR/005/DISDIKBUD/2026');
    expect(mid).toMatchObject({ plannedPhysical: '75.00', actualPhysical: '60.00', status: 'CRITICAL' });
  });

  it('absorption per OPD equals disbursed / appropriated recomputed from the ledger entries, to the sen', async () => {
    const [{ today }] = await t.sql<{ today: string }>(`SELECT to_char(current_date, 'YYYY-MM-DD') AS today`);
    const res = await t.get(`/controlling/realization?fiscalYear=2026&asOf=${today}&groupBy=organization&limit=500`, 'auditor');
    expect(res.status).toBe(200);
    const ledger = await t.sql<{ code: string; appropriated: string; disbursed: string; allotted: string; absorption: string }>(
      `SELECT o.code, sum(e.amount) FILTER (WHERE e.kind = 'APPROPRIATION')::numeric(20,2)::text AS appropriated,
         COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'ALLOTMENT'), 0)::numeric(20,2)::text AS allotted,
         COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'DISBURSEMENT'), 0)::numeric(20,2)::text AS disbursed,
         round(COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'DISBURSEMENT'), 0) * 100 / NULLIF(sum(e.amount) FILTER (WHERE e.kind = 'APPROPRIATION'), 0), 2)::text AS absorption
       FROM ledger_entries e JOIN budget_lines b ON b.id = e.budget_line_id JOIN organizations o ON o.id = b.organization_id
       WHERE b.fiscal_year = 2026 AND b.account_code LIKE '5.%' AND e.value_date <= $1::date GROUP BY o.code ORDER BY o.code`, [today]);
    expect(ledger.length).toBeGreaterThan(1);
    const api = new Map(res.body.data.map((r: Row) => [r.code, r]));
    for (const l of ledger) {
      expect(api.get(l.code)).toMatchObject({ appropriated: l.appropriated, allotted: l.allotted, disbursed: l.disbursed, absorptionPercent: l.absorption ?? '0.00' });
    }
    const disbursedA = ledger.find((l) => l.code === '1.01.0.00.0.00.01.0000')!;
    expect(Number(disbursedA.disbursed)).toBeGreaterThan(0);
    // the province is the sum of its OPDs
    const province = await t.get(`/controlling/realization?fiscalYear=2026&asOf=${today}&groupBy=province`, 'auditor');
    expect(province.body.data[0].disbursed).toBe(ledger.reduce((s, l) => s.plus(Money.of(l.disbursed)), Money.ZERO).toString());
    expect(province.body.data[0].appropriated).toBe(ledger.reduce((s, l) => s.plus(Money.of(l.appropriated)), Money.ZERO).toString());
    // the RFK's budget columns are the same ledger sums, per OPD, as of the month's end; weights of an OPD's programs make its 100%
    const nov = await t.sql<{ code: string; appropriated: string; disbursed: string }>(
      `SELECT o.code, sum(e.amount) FILTER (WHERE e.kind = 'APPROPRIATION')::numeric(20,2)::text AS appropriated,
         COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'DISBURSEMENT'), 0)::numeric(20,2)::text AS disbursed
       FROM ledger_entries e JOIN budget_lines b ON b.id = e.budget_line_id JOIN organizations o ON o.id = b.organization_id
       WHERE b.fiscal_year = 2026 AND b.account_code LIKE '5.%' AND e.value_date <= '2026-11-30' GROUP BY o.code`);
    const rfk = await allRows(t, '/controlling/rfk?fiscalYear=2026&month=11', 'auditor');
    for (const l of nov) {
      const opd = rfk.find((r) => r.level === 'OPD' && r.organizationCode === l.code)!;
      expect(opd).toMatchObject({ budget: l.appropriated, financialRealisation: l.disbursed, weight: '100.00' });
      expect(opd.remainingBudget).toBe(Money.of(l.appropriated).minus(Money.of(l.disbursed)).toString());
      const programs = rfk.filter((r) => r.level === 'PROGRAM' && r.organizationCode === l.code);
      expect(Money.sum(programs.map((p) => Money.of(String(p.budget)))).toString()).toBe(l.appropriated);
      expect(Math.abs(programs.reduce((s, p) => s + Number(p.weight), 0) - 100)).toBeLessThanOrEqual(0.01 * programs.length);
    }
  });

  it('the RFK as CSV and XLSX carries the same rows and figures as the JSON', async () => {
    const json = await allRows(t, '/controlling/rfk?fiscalYear=2026&month=9', 'auditor');
    const token = await t.token('auditor');
    const csv = await request(t.app.getHttpServer()).get('/api/v1/controlling/rfk?fiscalYear=2026&month=9&format=csv').set('Authorization', `Bearer ${token}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const csvRows = parse(csv.text, { columns: true }) as Record<string, string>[];
    const xlsx = await request(t.app.getHttpServer()).get('/api/v1/controlling/rfk?fiscalYear=2026&month=9&format=xlsx').set('Authorization', `Bearer ${token}`)
      .buffer(true).parse((res, cb) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => cb(null, Buffer.concat(chunks))); });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    const ws = wb.getWorksheet('RFK')!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const xlsxRows: Record<string, unknown>[] = [];
    ws.eachRow((r, n) => { if (n > 1) xlsxRows.push(Object.fromEntries(headers.map((h, i) => [h, r.getCell(i + 1).value]))); });
    expect(csvRows.length).toBe(json.length);
    expect(xlsxRows.length).toBe(json.length);
    expect(Object.keys(csvRows[0])).not.toContain('organizationId');
    json.forEach((j, i) => {
      expect(csvRows[i]).toMatchObject({ Kode: j.code, Pagu: j.budget, 'Realisasi Fisik %': j.physicalRealisation, 'Realisasi Keuangan (Rp)': j.financialRealisation, 'Sisa Anggaran': j.remainingBudget });
      expect(Money.of(String(xlsxRows[i].Pagu)).toString()).toBe(j.budget);
      expect(Money.of(String(xlsxRows[i]['Realisasi Keuangan (Rp)'])).toString()).toBe(j.financialRealisation);
      expect(xlsxRows[i].Kode).toBe(j.code);
    });
  });

  it('a frozen RFK answers the same after later postings; a correction is a new version with a reason', async () => {
    const before = await allRows(t, '/controlling/rfk?fiscalYear=2026&month=10', 'auditor');
    const live0 = await t.get('/controlling/rfk?fiscalYear=2026&month=10&limit=1', 'auditor');
    expect(live0.body.report).toMatchObject({ frozen: true, version: 1 });
    // a later posting dated inside October: a new appropriation on a fresh line of OPD A
    const lineId = await freshLine(t, 'A', '1000000.00');
    await t.app.get(TransactionService).run((m) => t.app.get(LedgerService).post(m, [{ budgetLineId: lineId, kind: LedgerKind.APPROPRIATION, amount: Money.of('250000000.00'), sourceType: 'TestFixture', sourceId: 'e2e-oct', valueDate: '2026-10-15' }]));
    expect(await allRows(t, '/controlling/rfk?fiscalYear=2026&month=10', 'auditor')).toEqual(before);

    const noReason = await t.post('/controlling/rfk/2026/10/freeze', {}, 'admin');
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('RFK_CORRECTION_REASON_REQUIRED');
    const v2 = await t.post('/controlling/rfk/2026/10/freeze', { reason: 'koreksi: pagu OPD A bertambah 15 Oktober' }, 'monev-verifier');
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ fiscalYear: 2026, month: 10, version: 2, asOf: '2026-10-31', frozenBy: 'monev-verifier' });
    const after = await allRows(t, '/controlling/rfk?fiscalYear=2026&month=10', 'auditor');
    const opdA = (rows: Row[]) => rows.find((r) => r.level === 'OPD' && r.organizationCode === '1.01.0.00.0.00.01.0000')!;
    expect(Money.of(String(opdA(after).budget)).minus(Money.of(String(opdA(before).budget))).toString()).toBe('250000000.00');
    expect(await allRows(t, '/controlling/rfk?fiscalYear=2026&month=10&version=1', 'auditor')).toEqual(before);
    const audit = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'RFK.FREEZE' AND entity_id = (SELECT id::text FROM rfk_snapshots WHERE fiscal_year = 2026 AND month = 10 AND version = 2)`);
    expect(audit[0].n).toBe(1);
    // the database keeps snapshots as they are
    await expect(t.superSql(`UPDATE rfk_snapshot_rows SET data = '{}' WHERE snapshot_id = (SELECT id FROM rfk_snapshots WHERE fiscal_year = 2026 AND month = 10 AND version = 1)`)).rejects.toThrow();
  });
});
