import { EntityManager } from 'typeorm';

export interface DeliveryParams {
  fiscalYear: number;
  prefix: string;
  users: { planner: string; projectOfficer: string; budgetUser: string; supervisor: string };
}

const like = (p: DeliveryParams) => `${p.prefix}.%`;

// Packages, vendors, signed contracts and progress for the generated OPDs, in
// bulk SQL (province scale: ~20,000 packages on every third line, ~8,000
// contracts on two packages in five, ~100,000 verified progress reports). A
// package is a quarter of its line; a contract takes its package's value and
// commits it (COMMITMENT entry and balance, as signing does).
export const DELIVERY_STEPS: { label: string; run(m: EntityManager, p: DeliveryParams): Promise<void> }[] = [
  {
    label: 'work packages',
    run: async (m, p) => {
      await m.query(`
        CREATE TEMP TABLE ds_pkg ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY l.id) AS n, gen_random_uuid() AS id, l.id AS line_id, l.organization_id, l.sub_activity_code, trunc(l.appropriated * 0.25, 0) AS value
        FROM budget_lines l JOIN organizations o ON o.id = l.organization_id
        WHERE o.code LIKE $2 AND l.fiscal_year = $1 AND abs(hashtext(l.id::text)::bigint) % 3 = 0 AND trunc(l.appropriated * 0.25, 0) > 0`, [p.fiscalYear, like(p)]);
      await m.query(`
        INSERT INTO packages (id, code, fiscal_year, organization_id, sub_activity_code, name, location, type, mode, method, value, procurement_start, procurement_end,
          execution_start, execution_end, physical_plan, financial_plan, status, rup_code, created_by, approved_by)
        SELECT id, 'DS' || $2 || '-PKT/' || $1::int || '/' || lpad(n::text, 6, '0'), $1, organization_id, sub_activity_code, 'Paket generated ' || n,
          '[{"regionCode": "33", "detail": "Jawa Tengah"}]', (ARRAY['GOODS','CONSTRUCTION','OTHER_SERVICES'])[1 + (n % 3)::int], 'PROVIDER', 'TENDER', value,
          make_date($1, 2, 1), make_date($1, 3, 15), make_date($1, 4, 1), make_date($1, 11, 30),
          '{0,0,0,10,20,35,50,65,80,90,100,100}', array_fill(0::numeric, ARRAY[11]) || value, 'ANNOUNCED', 'DS' || $2 || '-' || n, $3, $4
        FROM ds_pkg`, [p.fiscalYear, p.prefix, p.users.planner, p.users.budgetUser]);
      await m.query(`INSERT INTO package_funding (package_id, budget_line_id, amount) SELECT id, line_id, value FROM ds_pkg`);
    },
  },
  {
    label: 'vendors',
    run: async (m, p) => {
      await m.query(`
        INSERT INTO vendors (kind, name, npwp, vat_registered, qualification, bank_accounts, created_by)
        SELECT 'COMPANY', 'DS' || $1::text || ' Penyedia ' || k, '8' || lpad(k::text, 6, '0') || lpad((abs(hashtext($1::text)::bigint) % 100000000)::text, 8, '0'), k % 2 = 0,
          (ARRAY['SMALL','MEDIUM','LARGE'])[1 + k % 3], jsonb_build_array(jsonb_build_object('bankName', 'Bank Jateng', 'bankAccount', lpad(k::text, 10, '7'))), $2
        FROM generate_series(1, 500) k ON CONFLICT (npwp) DO NOTHING`, [p.prefix, p.users.projectOfficer]);
    },
  },
  {
    label: 'contracts (signed, committed)',
    run: async (m, p) => {
      await m.query(`
        CREATE TEMP TABLE ds_con ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY k.n) AS n, gen_random_uuid() AS id, k.id AS package_id, k.line_id, k.organization_id, k.value,
          (SELECT v.id FROM vendors v WHERE v.name = 'DS' || $1::text || ' Penyedia ' || (1 + k.n % 500)) AS vendor_id
        FROM ds_pkg k WHERE k.n % 5 IN (0, 1)`, [p.prefix]);
      await m.query(`DELETE FROM ds_con WHERE vendor_id IS NULL`);
      await m.query(`
        INSERT INTO contracts (id, number, package_id, vendor_id, fiscal_year, organization_id, signed_on, document_type, contract_type, original_value, value, dpp,
          start_date, end_date, retention_percent, bank_name, bank_account, status, created_by, signed_by, signed_at)
        SELECT c.id, 'DS' || $2 || '-KTR/' || $1::int || '/' || lpad(c.n::text, 6, '0'), c.package_id, c.vendor_id, $1, c.organization_id, make_date($1, 3, 20), 'AGREEMENT', 'LUMP_SUM',
          c.value, c.value, c.value, make_date($1, 4, 1), make_date($1, 11, 30), 5, 'Bank Jateng', v.bank_accounts->0->>'bankAccount', 'SIGNED', $3, $4, now()
        FROM ds_con c JOIN vendors v ON v.id = c.vendor_id`, [p.fiscalYear, p.prefix, p.users.projectOfficer, p.users.budgetUser]);
      await m.query(`INSERT INTO contract_funding (contract_id, budget_line_id, amount, committed) SELECT id, line_id, value, value FROM ds_con`);
      await m.query(`
        INSERT INTO contract_termins (contract_id, termin_no, kind, percent, amount, progress_threshold, retention_held)
        SELECT c.id, t.no, t.kind, t.pct, CASE t.no WHEN 1 THEN trunc(c.value / 2, 2) WHEN 2 THEN c.value - trunc(c.value / 2, 2)
            ELSE round(trunc(c.value / 2, 2) * 0.05, 2) + round((c.value - trunc(c.value / 2, 2)) * 0.05, 2) END,
          t.threshold, CASE t.no WHEN 1 THEN round(trunc(c.value / 2, 2) * 0.05, 2) WHEN 2 THEN round((c.value - trunc(c.value / 2, 2)) * 0.05, 2) ELSE 0 END
        FROM ds_con c CROSS JOIN (VALUES (1, 'PROGRESS', 50, 50), (2, 'PROGRESS', 50, 100), (3, 'RETENTION', NULL, 100)) t(no, kind, pct, threshold)`);
      await m.query(`
        INSERT INTO ledger_entries (budget_line_id, kind, amount, source_type, source_id, description, actor_id, request_id)
        SELECT line_id, 'COMMITMENT', value, 'Contract', id::text, 'contract (generated)', $1, 'dataset:generate' FROM ds_con ORDER BY n`, [p.users.budgetUser]);
      await m.query(`
        UPDATE budget_lines l SET committed = l.committed + s.total, entry_count = entry_count + s.n
        FROM (SELECT line_id, sum(value) AS total, count(*) AS n FROM ds_con GROUP BY line_id) s WHERE s.line_id = l.id`);
      await m.query(`UPDATE packages SET status = 'CONTRACTED' WHERE id IN (SELECT package_id FROM ds_con)`);
    },
  },
  {
    label: 'progress reports (verified)',
    run: async (m, p) => {
      await m.query(`
        INSERT INTO progress_reports (contract_id, reported_on, cumulative_percent, note, status, created_by, verified_by, verified_at)
        SELECT c.id, make_date($1, k, 28), least(100, k * (6 + c.n % 5)), 'generated', 'VERIFIED', $2, $3, now()
        FROM ds_con c CROSS JOIN generate_series(1, 12) k`, [p.fiscalYear, p.users.projectOfficer, p.users.supervisor]);
    },
  },
];

export async function deliveryUsers(m: EntityManager): Promise<DeliveryParams['users'] | null> {
  const rows: { username: string; id: string }[] = await m.query(
    `SELECT username, id FROM users WHERE username IN ('planner-a', 'project-officer-a', 'budget-user-a', 'supervisor-a')`);
  if (rows.length < 4) return null;
  const u = Object.fromEntries(rows.map((r) => [r.username, r.id]));
  return { planner: u['planner-a'], projectOfficer: u['project-officer-a'], budgetUser: u['budget-user-a'], supervisor: u['supervisor-a'] };
}
