import { AuditService, TransactionService } from '@grms/core';
import { DataSource } from 'typeorm';
import { generateDataset } from '../apps/cli/src/dataset/generate-dataset';
import { SCALES } from '../apps/cli/src/dataset/province-dataset';
import { startTestApp, TestApp } from './support/test-app';

// `grms dataset:generate` writes ledger entries in bulk SQL, not one audit
// record per posting: its one keyed DATASET.GENERATE record carries their
// count, seq range and digest, so the trail still vouches for every entry,
// and an entry slipped into the data set's range is found (decision 0021).
describe('audit trail over a generated data set', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('verifies after generation, and reports an entry forged into the data set', async () => {
    await generateDataset(t.app.get(DataSource), t.app.get(TransactionService), t.app.get(AuditService), { scale: SCALES.small, fiscalYear: 2026, prefix: '93' });
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_entries WHERE request_id = 'dataset:generate'`);
    expect(n).toBeGreaterThan(100);
    const ok = await t.get('/audit/verify', 'auditor');
    expect(ok.body).toMatchObject({ valid: true, reason: null });
    expect(ok.body.ledgerEntriesChecked).toBeGreaterThan(n);

    // a forged entry that looks like the data set's, with its balance kept consistent
    const [e] = await t.sql<{ line: string }>(`SELECT budget_line_id AS line FROM ledger_entries WHERE request_id = 'dataset:generate' AND kind = 'APPROPRIATION' LIMIT 1`);
    await t.superSql(`
      BEGIN;
      SET LOCAL session_replication_role = replica;
      INSERT INTO ledger_entries (budget_line_id, kind, amount, source_type, source_id, description, request_id)
        VALUES ('${e.line}', 'APPROPRIATION', 500000.00, 'BudgetDocument', 'forged', 'DPA (generated data set)', 'dataset:generate');
      UPDATE budget_lines SET appropriated = appropriated + 500000.00, entry_count = entry_count + 1 WHERE id = '${e.line}';
      COMMIT;`);
    expect((await t.get('/ledger/verify', 'auditor')).body.valid).toBe(true);
    const bad = await t.get('/audit/verify', 'auditor');
    expect(bad.body.valid).toBe(false);
    expect(bad.body.reason).toMatch(/APPROPRIATION 500000.00 .* has no audit record/);
  });
});
