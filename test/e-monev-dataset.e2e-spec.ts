import { AuditService, TransactionService } from '@grms/core';
import { DataSource } from 'typeorm';
import { generateDataset } from '../apps/cli/src/dataset/generate-dataset';
import { SCALES } from '../apps/cli/src/dataset/province-dataset';
import { ledgerColumns } from './support/monev-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// `grms dataset:generate` gives every generated OPD its indicators (one per
// budgeted sub kegiatan, from the nomenclature where it can, per kegiatan and
// per program) and TW I-III realisations; the evaluation report reads them,
// with its Rp equal to the ledger entries.
describe('e-monev over a generated data set', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('generates indicators and realisations the evaluation report reads', async () => {
    await generateDataset(t.app.get(DataSource), t.app.get(TransactionService), t.app.get(AuditService), { scale: SCALES.small, fiscalYear: 2026, prefix: '94' });
    const [c] = await t.sql<{ subs: number; indicators: number; verified: number; rejected: number; submitted: number }>(`
      SELECT (SELECT count(DISTINCT (l.organization_id, l.sub_activity_code)) FROM budget_lines l JOIN organizations o ON o.id = l.organization_id WHERE o.code LIKE '94.%')::int AS subs,
             count(DISTINCT i.id) FILTER (WHERE i.level = 'SUB_KEGIATAN')::int AS indicators,
             count(r.id) FILTER (WHERE r.status = 'VERIFIED')::int AS verified, count(r.id) FILTER (WHERE r.status = 'REJECTED')::int AS rejected,
             count(r.id) FILTER (WHERE r.status = 'SUBMITTED')::int AS submitted
      FROM monev_indicators i JOIN organizations o ON o.id = i.organization_id LEFT JOIN monev_realizations r ON r.indicator_id = i.id WHERE o.code LIKE '94.%'`);
    expect(c.indicators).toBe(c.subs);
    expect(c.verified).toBeGreaterThan(0);
    expect(c.submitted).toBeGreaterThan(0);
    const [org] = await t.sql<{ id: string }>(`SELECT id FROM organizations WHERE code LIKE '94.%' AND EXISTS (SELECT 1 FROM monev_indicators WHERE organization_id = organizations.id) ORDER BY code LIMIT 1`);
    const ev = await t.get(`/monev/evaluation?fiscalYear=2026&quarter=2&organizationId=${org.id}&limit=500`, 'auditor');
    expect(ev.status).toBe(200);
    expect(ev.body.data.length).toBeGreaterThan(0);
    expect(ev.body.data.every((r: { achievement: string | null; band: string | null }) => (r.achievement === null) === (r.band === null))).toBe(true);
    const row = ev.body.data.find((r: { level: string }) => r.level === 'PROGRAM');
    const ledger = await ledgerColumns(t, org.id, row.code, 2);
    expect([row.targetAmount, row.quarters[0].amount, row.quarters[1].amount]).toEqual([ledger.appropriated, ...ledger.perQuarter.slice(0, 2)]);
    expect((await t.get('/ledger/verify', 'auditor')).body.valid).toBe(true);
  });
});
