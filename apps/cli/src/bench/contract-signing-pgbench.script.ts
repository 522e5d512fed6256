// The pgbench script of the contract-signing benchmark (see contract-signing.bench.ts).
export const SIGNING_PGBENCH_SCRIPT = `-- The SQL transaction of signing a contract on one funding line, as the API
-- runs it: lock the contract and its package, sum the package's signed
-- contracts, lock the budget line, check and update its balance, append the
-- COMMITMENT entry, keep the contract's share, mark it signed, write the audit
-- records. Run by \`grms bench\`.
SELECT contract_id, package_id, line_id, amount FROM bench_sign_queue WHERE n = (SELECT nextval('bench_sign_queue_seq')) \\gset
BEGIN;
SELECT id, number, status, organization_id, fiscal_year, package_id, value FROM contracts WHERE id = :contract_id FOR UPDATE;
SELECT status FROM fiscal_years WHERE year = 2026;
SELECT id, status, fiscal_year, organization_id, value FROM packages WHERE id = :package_id FOR UPDATE;
SELECT budget_line_id, amount FROM package_funding WHERE package_id = :package_id;
SELECT COALESCE(sum(value), 0) FROM contracts WHERE package_id = :package_id AND status IN ('SIGNED','HANDED_OVER','COMPLETED','TERMINATED','CLOSED') AND id <> :contract_id;
SELECT budget_line_id, amount, committed FROM contract_funding WHERE contract_id = :contract_id;
SELECT id, appropriated, allotted, committed, disbursed FROM budget_lines WHERE id = :line_id ORDER BY id FOR UPDATE;
UPDATE budget_lines SET committed = committed + :amount, entry_count = entry_count + 1, updated_at = now() WHERE id = :line_id;
INSERT INTO ledger_entries (budget_line_id, kind, amount, source_type, source_id, description) VALUES (:line_id, 'COMMITMENT', :amount, 'Contract', :contract_id, 'contract (pgbench)');
UPDATE contract_funding SET committed = committed + :amount WHERE contract_id = :contract_id AND budget_line_id = :line_id;
UPDATE contracts SET status = 'SIGNED', signed_by = (SELECT id FROM users WHERE username = 'budget-user-a'), signed_at = now() WHERE id = :contract_id;
INSERT INTO audit_events (action, entity_type, entity_id, after) VALUES
  ('LEDGER.POST', 'BudgetLine', :line_id, jsonb_build_object('amount', :amount::text)), ('CONTRACT.SIGN', 'Contract', :contract_id, jsonb_build_object('status', 'SIGNED'));
COMMIT;
`;
