import { NEXT_NUMBER_SQL, SP2D_SELECT, SPP_SELECT } from '@grms/e-penatausahaan';

// The pgbench script of the SP2D benchmark (see sp2d.bench.ts): the statements
// the API sends for one LS SP2D on one line with an Idempotency-Key, one for
// one in the same order (test/sp2d-statement-count.e2e-spec.ts counts the
// API's): the key claimed, the SPM locked, its SPP with the live-SP2D, year
// and cash-book checks, the number + SP2D + SPP paid, the line locked with the
// closed months, balance + two ledger entries with the cash book's two entries
// in the same statement (their row trigger locks the book; decisions 0026,
// 0029), the treasury cash checked
// and booked from a stripe of escrowed cash (decisions 0024, 0025) with the
// SP2D read back in the same statement, the audit records with the key's stored
// response. The big reads are the
// API's own SQL constants. Run by `grms bench`.
const BKU_ENTRIES = `INSERT INTO bku_entries (organization_id, fiscal_year, entry_date, sub_ledger, amount, description, source_type, source_id, sub_balance_after, balance_after, created_by, document_number, tax_code, officer) VALUES
  (:org_id, 2026, current_date, 'BANK', :amount, 'SP2D ' || :sp2d_number || ': LS received', 'Sp2d', :sp2d_id, 0, 0, :user_id, :sp2d_number, NULL, NULL),
  (:org_id, 2026, current_date, 'BANK', -1 * :amount::numeric, 'SP2D ' || :sp2d_number || ': paid to CV Bench', 'Sp2d', :sp2d_id, 0, 0, :user_id, :sp2d_number, NULL, NULL)`;

const SP2D_INSERT = `INSERT INTO sp2d (number, spm_id, spp_id, type, fiscal_year, organization_id, gross, net, issued_on, account_due_on, issued_by)
  SELECT n.number, :spm_id, :spp_id, 'LS', 2026, :org_id, :amount, :amount, current_date, NULL, :user_id FROM n`;
const NEXT_NUMBER = oneLine(NEXT_NUMBER_SQL(':org_id', '2026', `'SP2D-LS'`));
const LINE_LOCK = (after = '') => `SELECT id, appropriated, allotted, committed, disbursed, estimated, realized, account_code AS "accountCode",
  (SELECT json_agg(c) FROM (SELECT d.value_date::text AS "valueDate", p.closed_at, u.username FROM (SELECT current_date AS value_date) d
     JOIN ledger_periods p ON p.fiscal_year = extract(year FROM d.value_date)::int AND p.month = extract(month FROM d.value_date)::int JOIN users u ON u.id = p.closed_by) c) AS closed
  FROM budget_lines WHERE id = ANY(ARRAY[:line_id]::uuid[])${after} ORDER BY id FOR UPDATE`;
// before decision 0029: the number, the SP2D and its SPP paid; then the line locked in a statement of its own
const SP2D_THEN_LINE_LOCK = `WITH n AS (${NEXT_NUMBER}), paid AS (UPDATE spp SET status = 'PAID' WHERE id = :spp_id)
  ${SP2D_INSERT} RETURNING id AS sp2d_id, number AS sp2d_number \\gset
${LINE_LOCK()};
`;
// decision 0029: the line locked in the same statement, after the number, the SP2D and the SPP (the lock names them)
const SP2D_AND_LINE_LOCK = `WITH n AS (${NEXT_NUMBER}), paid AS (UPDATE spp SET status = 'PAID' WHERE id = :spp_id RETURNING id), d AS (${SP2D_INSERT} RETURNING id, number)
  SELECT d.id AS sp2d_id, d.number AS sp2d_number, l.* FROM d CROSS JOIN LATERAL (SELECT count(*) AS n FROM paid) p
  LEFT JOIN LATERAL (${LINE_LOCK(' AND d.id IS NOT NULL AND p.n IS NOT NULL')}) l ON true \\gset
`;

/** The script; `folded`: as the API sends it since decision 0029, else as before it. */
const script = (folded: boolean) => `SELECT spm_id, spp_id, line_id, org_id, amount, user_id FROM bench_queue WHERE n = (SELECT nextval('bench_queue_seq')) \\gset
BEGIN;
INSERT INTO idempotency_keys (user_id, key, method, path, request_hash) VALUES (:user_id, 'pgbench-' || :spm_id, 'POST', '/api/v1/penatausahaan/sp2d', md5(:spm_id::text))
  ON CONFLICT (user_id, key) DO UPDATE SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash, status_code = NULL, response_body = NULL, created_at = now()
  WHERE idempotency_keys.created_at < now() - interval '7 days' RETURNING key;
SELECT m.id, m.number, m.status, m.spp_id, m.organization_id, m.fiscal_year, m.created_by, m.approved_by, p.created_by AS spp_created_by, p.verified_by AS spp_verified_by
  FROM spm m JOIN spp p ON p.id = m.spp_id WHERE m.id = :spm_id FOR UPDATE OF m;
SELECT s.*, (SELECT number FROM sp2d WHERE spm_id = :spm_id AND status = 'ISSUED') AS "__live",
  (SELECT status FROM fiscal_years WHERE year = 2026) AS "__yearStatus", current_date::text AS "__today",
  (SELECT to_char(max(entry_date), 'YYYY-MM-DD') FROM bku_entries WHERE organization_id = :org_id AND fiscal_year = 2026) AS "__lastBooked"
  FROM (${oneLine(SPP_SELECT)} WHERE s.id = :spp_id) s;
${folded ? SP2D_AND_LINE_LOCK : SP2D_THEN_LINE_LOCK}WITH balances AS (UPDATE budget_lines b SET disbursed = b.disbursed + :amount, committed = b.committed - :amount, entry_count = b.entry_count + 2, updated_at = now() WHERE b.id = :line_id)${folded ? `,
  alongside AS (${BKU_ENTRIES})` : ''}
  INSERT INTO ledger_entries (budget_line_id, kind, amount, source_type, source_id, description, actor_id, request_id, value_date) VALUES
  (:line_id, 'DISBURSEMENT', :amount, 'Sp2d', :sp2d_id, 'SP2D ' || :sp2d_number, :user_id, 'pgbench', current_date),
  (:line_id, 'COMMITMENT', -1 * :amount::numeric, 'Sp2d', :sp2d_id, 'SP2D ' || :sp2d_number || ' releases its SPM', :user_id, 'pgbench', current_date)
  RETURNING id, budget_line_id, kind, amount, source_type, source_id, reverses_entry_id, value_date::text;
${folded ? '' : `${BKU_ENTRIES}
  RETURNING id, entry_no;
`}WITH spend AS MATERIALIZED (SELECT * FROM treasury_cash_spend(2026, current_date, :amount, 0, 0, :amount, 0))
  SELECT s.cash_check AS "__cashCheck", s.fast AS "__fast", s.revenue AS "__revenueDeposited", s.receipts AS "__financingReceipts", s.sp2d AS "__sp2dIssued",
    s.expenditures AS "__financingExpenditures", s."position" AS "__position", s.later AS "__later", r.*
  FROM spend s LEFT JOIN (${oneLine(SP2D_SELECT)} WHERE d.id = :sp2d_id) r ON true;
WITH tail0 AS (UPDATE idempotency_keys SET status_code = 201, response_body = jsonb_build_object('id', :sp2d_id::text, 'number', :sp2d_number::text)::text WHERE user_id = :user_id AND key = 'pgbench-' || :spm_id)
  INSERT INTO audit_events (id, occurred_at, actor_id, actor_username, request_id, action, entity_type, entity_id, before, after, mac) VALUES
  (gen_random_uuid(), now(), :user_id, 'cash-authority', 'pgbench', 'LEDGER.POST', 'BudgetLine', :line_id, jsonb_build_object('disbursed', '0.00'), jsonb_build_object('amount', :amount::text), md5(random()::text) || md5(random()::text)),
  (gen_random_uuid(), now(), :user_id, 'cash-authority', 'pgbench', 'SP2D.ISSUE', 'Sp2d', :sp2d_id, NULL, jsonb_build_object('spm', :spm_id::text, 'number', :sp2d_number::text), md5(random()::text) || md5(random()::text));
COMMIT;
`;

export const SP2D_PGBENCH_SCRIPT = script(true);

/**
 * The API's SQL as pgbench takes it: folded onto one line, and the colons of the time formats
 * (HH24:MI:SS) doubled, since pgbench reads any :name as one of its variables, even in a literal
 * (the same work; the formatted times differ).
 */
function oneLine(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim().replace(/:(MI|SS)\b/g, '::$1');
}

/**
 * The script as it was before decision 0029 (12 statements with BEGIN and COMMIT: the line locked in a statement of its
 * own after the SP2D's, the cash book's entries in one after the ledger's), printed beside the current one so that the
 * baseline's change shows.
 */
export const SP2D_PGBENCH_SCRIPT_BEFORE_0029 = script(false);
