import { AuditService, TransactionService } from '@grms/core';
import { DataSource } from 'typeorm';
import { generateDataset } from '../apps/cli/src/dataset/generate-dataset';
import { SCALES } from '../apps/cli/src/dataset/province-dataset';
import { ledgerClean } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// The demo province shows e-delivery at work (three contracts of OPD A: one
// with an advance, an addendum and progress behind plan, one on track, one
// handed over; termins paid through SP2D), and `grms dataset:generate` adds
// packages, contracts and progress that keep the ledger consistent.
describe('e-delivery: demo data and the generated data set', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('the demo has contracts in every state the issue names, paid through SP2D', async () => {
    const res = await t.get('/delivery/contracts?fiscalYear=2026', 'supervisor-a');
    expect(res.status).toBe(200);
    const byNumber = new Map(res.body.data.map((c: { number: string }) => [c.number, c]));
    expect(byNumber.get('KTR/001/DISDIKBUD/2026')).toMatchObject({ status: 'SIGNED', addendaCount: 1, progress: '40.00' });
    expect(Number((byNumber.get('KTR/001/DISDIKBUD/2026') as { advance: string }).advance)).toBeGreaterThan(0);
    expect(byNumber.get('KTR/002/DISDIKBUD/2026')).toMatchObject({ status: 'SIGNED', progress: '60.00' });
    expect(byNumber.get('KTR/003/DISDIKBUD/2026')).toMatchObject({ status: 'HANDED_OVER', progress: '100.00', phoDate: '2026-05-29' });
    const paid = res.body.data.flatMap((c: { termins: { paidSp2dNumber: string | null }[] }) => c.termins.filter((x) => x.paidSp2dNumber));
    expect(paid.length).toBe(4);
    expect((await t.get('/project-planning/rup?fiscalYear=2026', 'planner-a')).body.meta.total).toBeGreaterThanOrEqual(3);
    expect((await t.get('/delivery/contracts?fiscalYear=2026', 'planner-b')).body.data).toEqual([]);
  });

  it('the small data set adds packages, signed contracts and progress, and the ledger still verifies', async () => {
    const counts = await generateDataset(t.app.get(DataSource), t.app.get(TransactionService), t.app.get(AuditService), { scale: SCALES.small, fiscalYear: 2026, prefix: '93' });
    expect(counts.budgetLines).toBeGreaterThan(0);
    const [n] = await t.sql<{ packages: number; contracts: number; reports: number }>(`
      SELECT (SELECT count(*)::int FROM packages p JOIN organizations o ON o.id = p.organization_id WHERE o.code LIKE '93.%') AS packages,
             (SELECT count(*)::int FROM contracts c JOIN organizations o ON o.id = c.organization_id WHERE o.code LIKE '93.%' AND c.status = 'SIGNED') AS contracts,
             (SELECT count(*)::int FROM progress_reports r JOIN contracts c ON c.id = r.contract_id JOIN organizations o ON o.id = c.organization_id WHERE o.code LIKE '93.%') AS reports`);
    expect(n.packages).toBeGreaterThan(0);
    expect(n.contracts).toBeGreaterThan(0);
    expect(n.reports).toBe(n.contracts * 12);
    await ledgerClean(t);
  });
});
