import ExcelJS from 'exceljs';
import request from 'supertest';
import { approvedSpm, issueSp2d, ledgerClean, SUPPLIER, TREASURER_ACCOUNT } from './support/penatausahaan-fixtures';
import { accountLeaf, csvRows, fundingLeaf, plannedLine, unusedSubActivity, yesterday } from './support/report-fixtures';
import { startTestApp, TestApp } from './support/test-app';

type Card = { accountCode: string; budget: string; spd: string; realizedLs: string; realizedUpGu: string; realizedTu: string; realized: string; remainingBudget: string; remainingSpd: string };
const FIGURES = ['budget', 'spd', 'realizedLs', 'realizedUpGu', 'realizedTu', 'realized', 'remainingBudget', 'remainingSpd'] as const;

// The control card (kartu kendali) of a sub kegiatan: per account, budget,
// SPD, realisation by LS / UP-GU / TU, remaining budget and SPD. Payments go
// through the API; the test then recomputes every figure from the ledger
// entries and the payment documents, to the sen, and checks the exports and
// the OPD scope.
describe('reports: the control card of a sub kegiatan equals the ledger', () => {
  let t: TestApp;
  let orgA: string;
  let sub: string;
  let accX: { code: string; name: string };
  let accY: { code: string; name: string };
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  /** The card recomputed from ledger_entries and the payment documents, without the report's view. */
  const fromLedger = async (asOf: string | null): Promise<Card[]> => t.sql<Card>(
    `WITH e AS (
       SELECT b.account_code, l.kind, l.amount,
         CASE WHEN l.source_type IN ('Sp2d', 'Sp2dCancellation') THEN 'LS'
              WHEN l.source_type = 'Spj' THEN (SELECT CASE a.type WHEN 'TU' THEN 'TU' ELSE 'UP_GU' END FROM spj j JOIN sp2d a ON a.id = j.advance_sp2d_id WHERE j.id::text = l.source_id)
              WHEN l.source_type = 'Receipt' THEN (SELECT CASE a.type WHEN 'TU' THEN 'TU' ELSE 'UP_GU' END FROM receipts r JOIN sp2d a ON a.id = r.advance_sp2d_id WHERE r.id::text = l.source_id)
         END AS channel
       FROM ledger_entries l JOIN budget_lines b ON b.id = l.budget_line_id
       WHERE b.fiscal_year = 2026 AND b.organization_id = $1 AND b.sub_activity_code = $2 AND ($3::date IS NULL OR l.value_date <= $3::date))
     SELECT account_code AS "accountCode",
       COALESCE(sum(amount) FILTER (WHERE kind = 'APPROPRIATION'), 0)::numeric(20,2)::text AS budget,
       COALESCE(sum(amount) FILTER (WHERE kind = 'ALLOTMENT'), 0)::numeric(20,2)::text AS spd,
       COALESCE(sum(amount) FILTER (WHERE kind = 'DISBURSEMENT' AND channel = 'LS'), 0)::numeric(20,2)::text AS "realizedLs",
       COALESCE(sum(amount) FILTER (WHERE kind = 'DISBURSEMENT' AND channel = 'UP_GU'), 0)::numeric(20,2)::text AS "realizedUpGu",
       COALESCE(sum(amount) FILTER (WHERE kind = 'DISBURSEMENT' AND channel = 'TU'), 0)::numeric(20,2)::text AS "realizedTu",
       COALESCE(sum(amount) FILTER (WHERE kind = 'DISBURSEMENT'), 0)::numeric(20,2)::text AS realized,
       (COALESCE(sum(amount) FILTER (WHERE kind = 'APPROPRIATION'), 0) - COALESCE(sum(amount) FILTER (WHERE kind = 'DISBURSEMENT'), 0))::text AS "remainingBudget",
       (COALESCE(sum(amount) FILTER (WHERE kind = 'ALLOTMENT'), 0) - COALESCE(sum(amount) FILTER (WHERE kind = 'DISBURSEMENT'), 0))::text AS "remainingSpd"
     FROM e GROUP BY account_code ORDER BY account_code`, [orgA, sub, asOf]);

  const pick = (rows: Card[]) => rows.map((r) => Object.fromEntries([['accountCode', r.accountCode], ...FIGURES.map((k) => [k, r[k]])]));

  it('splits the realisation by channel, reconciles to the sen, and shows the card only to its OPD', async () => {
    sub = await unusedSubActivity(t, 'A');
    accX = await accountLeaf(t, '5.1.02.01.01', 3);
    accY = await accountLeaf(t, '5.1.02.01.01', 5);
    const general = await fundingLeaf(t, '1.');
    const dak = await fundingLeaf(t, '2.2.1.01.03');
    const x1 = await plannedLine(t, 'A', { subActivityCode: sub, accountCode: accX.code, fundingSourceCode: general }, '10000000.00', '6000000.00');
    const x2 = await plannedLine(t, 'A', { subActivityCode: sub, accountCode: accX.code, fundingSourceCode: dak }, '2000000.00', '1000000.00');
    const y = await plannedLine(t, 'A', { subActivityCode: sub, accountCode: accY.code, fundingSourceCode: general }, '5000000.00', '3000000.00');

    // LS on both funding lines of account X; a second LS cancelled (its reversal nets it out)
    await issueSp2d(t, (await approvedSpm(t, { type: 'LS', organizationId: orgA, payee: SUPPLIER, taxes: [], lines: [{ budgetLineId: x1, amount: '1234567.89' }, { budgetLineId: x2, amount: '500000.01' }] })).spmId);
    const cancelled = await issueSp2d(t, (await approvedSpm(t, { type: 'LS', organizationId: orgA, payee: SUPPLIER, taxes: [], lines: [{ budgetLineId: y, amount: '100000.00' }] })).spmId);
    expect((await t.post(`/penatausahaan/sp2d/${cancelled}/cancel`, { reason: 'wrong payee' }, 'cash-authority')).status).toBe(200);
    // UP on Y, accounted by an SPJ; TU on X, accounted by an SPJ
    const used = (await t.get(`/penatausahaan/up-limits/2026/${orgA}`, 'treasurer-a')).body.used as string;
    expect((await t.put(`/penatausahaan/up-limits/2026/${orgA}`, { amount: (Number(used) + 1000000).toFixed(2) }, 'admin')).status).toBe(200);
    const up = await issueSp2d(t, (await approvedSpm(t, { type: 'UP', organizationId: orgA, payee: TREASURER_ACCOUNT, lines: [{ budgetLineId: y, amount: '600000.00' }] })).spmId);
    const spjUp = await t.post('/penatausahaan/spj', { organizationId: orgA, advanceSp2dId: up, lines: [{ budgetLineId: y, amount: '400000.10', description: 'ATK' }] }, 'treasurer-a');
    expect((await t.post(`/penatausahaan/spj/${spjUp.body.id}/approve`, {}, 'budget-user-a')).status).toBe(200);
    const tu = await issueSp2d(t, (await approvedSpm(t, { type: 'TU', organizationId: orgA, payee: TREASURER_ACCOUNT, lines: [{ budgetLineId: x1, amount: '300000.00' }] })).spmId);
    const spjTu = await t.post('/penatausahaan/spj', { organizationId: orgA, advanceSp2dId: tu, lines: [{ budgetLineId: x1, amount: '250000.01', description: 'konsumsi rapat' }] }, 'treasurer-a');
    expect((await t.post(`/penatausahaan/spj/${spjTu.body.id}/approve`, {}, 'budget-user-a')).status).toBe(200);
    await ledgerClean(t);

    // the treasurer's own OPD by default
    const res = await t.get(`/reports/control-card?fiscalYear=2026&subActivityCode=${sub}`, 'treasurer-a');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fiscalYear: 2026, asOf: null, organizationId: orgA, subActivityCode: sub });
    expect(res.body.rows).toEqual([
      { accountCode: accX.code, accountName: accX.name, budget: '12000000.00', spd: '7000000.00', realizedLs: '1734567.90', realizedUpGu: '0.00', realizedTu: '250000.01',
        realized: '1984567.91', remainingBudget: '10015432.09', remainingSpd: '5015432.09' },
      { accountCode: accY.code, accountName: accY.name, budget: '5000000.00', spd: '3000000.00', realizedLs: '0.00', realizedUpGu: '400000.10', realizedTu: '0.00',
        realized: '400000.10', remainingBudget: '4599999.90', remainingSpd: '2599999.90' },
    ]);
    expect(res.body.totals).toEqual({ budget: '17000000.00', spd: '10000000.00', realizedLs: '1734567.90', realizedUpGu: '400000.10', realizedTu: '250000.01',
      realized: '2384568.01', remainingBudget: '14615431.99', remainingSpd: '7615431.99' });
    // every figure recomputed from the ledger entries, to the sen; the auditor names the OPD and reads the same card
    expect(pick(res.body.rows)).toEqual(pick(await fromLedger(null)));
    const auditor = await t.get(`/reports/control-card?fiscalYear=2026&organizationId=${orgA}&subActivityCode=${sub}`, 'auditor');
    expect(auditor.body).toEqual(res.body);
    // as of yesterday nothing of today's postings counts
    const before = await t.get(`/reports/control-card?fiscalYear=2026&subActivityCode=${sub}&asOf=${yesterday()}`, 'treasurer-a');
    expect(before.body.totals).toMatchObject({ budget: '0.00', spd: '0.00', realized: '0.00' });
    expect(await fromLedger(yesterday())).toEqual([]);
    expect(before.body.rows.map((r: Card) => r.accountCode)).toEqual([accX.code, accY.code]); // the lines exist, with nothing on them yet
    expect(new Set(before.body.rows.flatMap((r: Card) => FIGURES.map((k) => r[k])))).toEqual(new Set(['0.00']));

    // another OPD: named, it does not exist for planner-b; by default planner-b sees its own (empty) card
    const foreign = await t.get(`/reports/control-card?fiscalYear=2026&organizationId=${orgA}&subActivityCode=${sub}`, 'planner-b');
    expect(foreign.status).toBe(404);
    const own = await t.get(`/reports/control-card?fiscalYear=2026&subActivityCode=${sub}`, 'planner-b');
    expect(own.status).toBe(200);
    expect(own.body.organizationId).toBe(await t.orgId('B'));
    expect(own.body.rows).toEqual([]);
    // a province-wide user names the OPD; bad codes are refused naming the field
    const noOrg = await t.get(`/reports/control-card?fiscalYear=2026&subActivityCode=${sub}`, 'auditor');
    expect(noOrg.status).toBe(400);
    expect(noOrg.body.errors).toEqual([expect.objectContaining({ field: 'organizationId' })]);
    const unknown = await t.get(`/reports/control-card?fiscalYear=2026&subActivityCode=9.99.99.9.99.9999`, 'treasurer-a');
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('UNKNOWN_SUB_ACTIVITY');
    const program = await t.get(`/reports/control-card?fiscalYear=2026&subActivityCode=${sub.split('.').slice(0, 3).join('.')}`, 'treasurer-a');
    expect(program.status).toBe(422);
    expect(program.body.code).toBe('INVALID_SUB_ACTIVITY');
    expect((await t.get(`/reports/control-card?fiscalYear=2099&subActivityCode=${sub}`, 'treasurer-a')).body.code).toBe('FISCAL_YEAR_NOT_FOUND');

    // CSV and XLSX: the same figures, codes and names, never ids
    const csv = await t.get(`/reports/control-card?fiscalYear=2026&subActivityCode=${sub}&format=csv`, 'treasurer-a');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain(`control-card-2026-`);
    expect(csv.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    const rows = csvRows(csv.text);
    expect(rows[0]).toEqual(['Kode Rekening', 'Uraian', 'Anggaran', 'SPD s.d. tanggal', 'Realisasi LS', 'Realisasi UP/GU', 'Realisasi TU', 'Jumlah Realisasi', 'Sisa Anggaran', 'Sisa SPD']);
    expect(rows.find((r) => r[0] === sub)?.[1]).toBeTruthy();
    expect(rows.find((r) => r[0] === accX.code)).toEqual([accX.code, accX.name, ...FIGURES.map((k) => res.body.rows[0][k])]);
    expect(rows.find((r) => r[1] === 'JUMLAH')).toEqual(['', 'JUMLAH', ...FIGURES.map((k) => res.body.totals[k])]);
    const file = await request(t.app.getHttpServer()).get(`/api/v1/reports/control-card?fiscalYear=2026&subActivityCode=${sub}&format=xlsx`)
      .set('Authorization', `Bearer ${await t.token('treasurer-a')}`).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as never);
    const ws = wb.worksheets[0];
    const cells: unknown[][] = [];
    ws.eachRow((r) => cells.push((r.values as unknown[]).slice(1)));
    const y2 = cells.find((r) => r[0] === accY.code)!;
    expect(y2.slice(2).map((v) => Number(v).toFixed(2))).toEqual(FIGURES.map((k) => res.body.rows[1][k]));
  });
});
