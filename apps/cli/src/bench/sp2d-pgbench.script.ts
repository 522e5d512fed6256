// The pgbench script of the SP2D benchmark (see sp2d.bench.ts).
export const SP2D_PGBENCH_SCRIPT = `-- The SQL transaction of SP2D issuance (LS, one line), as the API runs it:
-- lock the SPM, check for a live SP2D, insert the SP2D, lock and update the
-- budget line, append two ledger entries, mark the SPP paid, append to the
-- treasurer's cash book, write the audit records. Run by \`grms bench\`.
SELECT spm_id, spp_id, line_id, org_id, amount FROM bench_queue WHERE n = (SELECT nextval('bench_queue_seq')) \\gset
BEGIN;
SELECT id, number, status, spp_id, organization_id, fiscal_year FROM spm WHERE id = :spm_id FOR UPDATE;
SELECT number FROM sp2d WHERE spm_id = :spm_id AND status = 'ISSUED';
SELECT status FROM fiscal_years WHERE year = 2026;
SELECT s.id, s.gross, s.net, s.taxes_total, s.payee_name FROM spp s WHERE s.id = :spp_id;
SELECT budget_line_id, amount FROM spp_lines WHERE spp_id = :spp_id;
INSERT INTO sp2d (number, spm_id, spp_id, type, fiscal_year, organization_id, gross, net, issued_by)
  SELECT 'PGB-SP2D/2026/' || lpad(nextval('sp2d_number_seq')::text, 6, '0'), :spm_id, :spp_id, 'LS', 2026, :org_id, :amount, :amount, id FROM users WHERE username = 'cash-authority' RETURNING id AS sp2d_id \\gset
SELECT id, appropriated, allotted, committed, disbursed FROM budget_lines WHERE id = :line_id ORDER BY id FOR UPDATE;
UPDATE budget_lines SET disbursed = disbursed + :amount, committed = committed - :amount, entry_count = entry_count + 2, updated_at = now() WHERE id = :line_id;
INSERT INTO ledger_entries (budget_line_id, kind, amount, source_type, source_id, description) VALUES
  (:line_id, 'DISBURSEMENT', :amount, 'Sp2d', :sp2d_id, 'SP2D (pgbench)'), (:line_id, 'COMMITMENT', -1 * :amount::numeric, 'Sp2d', :sp2d_id, 'SP2D (pgbench)');
UPDATE spp SET status = 'PAID' WHERE id = :spp_id;
INSERT INTO bku_books (organization_id, fiscal_year) VALUES (:org_id, 2026) ON CONFLICT DO NOTHING;
SELECT cash, bank, tax FROM bku_books WHERE organization_id = :org_id AND fiscal_year = 2026 FOR UPDATE;
INSERT INTO bku_entries (organization_id, fiscal_year, sub_ledger, amount, description, source_type, source_id, sub_balance_after, balance_after) VALUES
  (:org_id, 2026, 'BANK', :amount, 'SP2D (pgbench) received', 'Sp2d', :sp2d_id, 0, 0);
INSERT INTO bku_entries (organization_id, fiscal_year, sub_ledger, amount, description, source_type, source_id, sub_balance_after, balance_after) VALUES
  (:org_id, 2026, 'BANK', -1 * :amount::numeric, 'SP2D (pgbench) paid', 'Sp2d', :sp2d_id, 0, 0);
INSERT INTO audit_events (action, entity_type, entity_id, after) VALUES
  ('LEDGER.POST', 'BudgetLine', :line_id, jsonb_build_object('amount', :amount::text)), ('SP2D.ISSUE', 'Sp2d', :sp2d_id, jsonb_build_object('spm', :spm_id::text));
COMMIT;
`;
