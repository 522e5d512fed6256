import { EntityManager } from 'typeorm';

export interface RevenueDatasetParams {
  fiscalYear: number;
  prefix: string;
  plannerId: string;
  verifierId: string;
  revenueTreasurerId: string;
}

const like = (p: RevenueDatasetParams) => `${p.prefix}.%`;

// Revenue for the generated OPDs (issue 8), in bulk SQL as the services would
// write it: per OPD an approved REVENUE document with one estimate (1.1 x the
// OPD's appropriation, on a service-charge account) posting ESTIMATE, and
// twelve monthly deposit slips (STS) on the 1st, each a twelfth, posting
// REALIZATION and the revenue treasurer's book. The treasury then holds more
// than the year's payments on every day, so SP2Ds stay payable under the
// cash check (decision 0121).
export const REVENUE_STEPS: { label: string; run(m: EntityManager, p: RevenueDatasetParams): Promise<void> }[] = [
  {
    label: 'revenue estimates (RKA pendapatan)',
    run: async (m, p) => {
      await m.query(`
        CREATE TEMP TABLE ds_rev ON COMMIT DROP AS
        SELECT o.id AS organization_id, o.code AS org_code, gen_random_uuid() AS document_id, gen_random_uuid() AS line_id,
               round(s.total * 1.1 / 12, 2) AS monthly
        FROM organizations o JOIN (SELECT organization_id, sum(appropriated) AS total FROM budget_lines WHERE fiscal_year = $1 GROUP BY 1) s ON s.organization_id = o.id
        WHERE o.code LIKE $2 AND s.total > 0`, [p.fiscalYear, like(p)]);
      await m.query(`
        INSERT INTO budget_documents (id, fiscal_year, organization_id, sub_activity_code, stage, kind, revision, status, total, created_by, submitted_by, approved_by, approved_at)
        SELECT document_id, $1, organization_id, 'X.XX.01.1.04.0001', 'MURNI', 'REVENUE', 0, 'APPROVED', monthly * 12, $2, $2, $3, now() FROM ds_rev`,
        [p.fiscalYear, p.plannerId, p.verifierId]);
      await m.query(`
        INSERT INTO budget_document_items (document_id, account_code, funding_source_code, description, coefficients, volume, volume_unit,
                                           unit_price, vat, vat_rate, subtotal, vat_amount, total)
        SELECT document_id, '4.1.02.02.01.004', '1.1.2.02', 'Retribusi pemakaian laboratorium (generated)',
               jsonb_build_array(jsonb_build_object('quantity', '12', 'unit', 'bulan')), 12, 'bulan', monthly, false, 0, monthly * 12, 0, monthly * 12
        FROM ds_rev`);
      await m.query(`
        INSERT INTO budget_lines (id, fiscal_year, organization_id, sub_activity_code, account_code, funding_source_code, estimated, entry_count)
        SELECT line_id, $1, organization_id, 'X.XX.01.1.04.0001', '4.1.02.02.01.004', '1.1.2.02', monthly * 12, 1 FROM ds_rev`, [p.fiscalYear]);
      await m.query(`
        INSERT INTO ledger_entries (budget_line_id, kind, amount, source_type, source_id, description, actor_id, request_id, value_date)
        SELECT line_id, 'ESTIMATE', monthly * 12, 'BudgetDocument', document_id::text, 'RKA pendapatan (generated data set)', $1, 'dataset:generate', make_date($2, 1, 1)
        FROM ds_rev ORDER BY line_id`, [p.verifierId, p.fiscalYear]);
    },
  },
  {
    label: 'deposit slips (STS)',
    run: async (m, p) => {
      await m.query(`
        CREATE TEMP TABLE ds_sts ON COMMIT DROP AS
        SELECT r.*, k AS month, gen_random_uuid() AS sts_id, 'DS' || $2 || '-STS/' || $1::int || '/' || r.org_code || '/' || lpad(k::text, 2, '0') AS number
        FROM ds_rev r CROSS JOIN generate_series(1, 12) k`, [p.fiscalYear, p.prefix]);
      await m.query(`
        INSERT INTO sts (id, number, fiscal_year, organization_id, budget_line_id, account_code, received_on, deposit_date, amount, payer, description, created_by)
        SELECT sts_id, number, $1, organization_id, line_id, '4.1.02.02.01.004', make_date($1, month, 1), make_date($1, month, 1), monthly,
               'Wajib retribusi ' || month, 'Retribusi bulan ' || month || ' (generated)', $2 FROM ds_sts`, [p.fiscalYear, p.revenueTreasurerId]);
      await m.query(`
        INSERT INTO ledger_entries (budget_line_id, kind, amount, source_type, source_id, description, actor_id, request_id, value_date)
        SELECT line_id, 'REALIZATION', monthly, 'Sts', sts_id::text, 'STS ' || number, $1, 'dataset:generate', make_date($2, month, 1)
        FROM ds_sts ORDER BY line_id, month`, [p.revenueTreasurerId, p.fiscalYear]);
      await m.query(`
        INSERT INTO revenue_book_entries (organization_id, fiscal_year, seq, entry_date, amount, balance, description, sts_id, document_number)
        SELECT organization_id, $1, 2 * month - 1 + e.o, make_date($1, month, 1), e.sign * monthly, CASE WHEN e.o = 0 THEN monthly ELSE 0 END,
               CASE WHEN e.o = 0 THEN 'received' ELSE 'deposited to the regional treasury by STS ' || number END, sts_id, number
        FROM ds_sts CROSS JOIN (VALUES (0, 1), (1, -1)) e(o, sign)`, [p.fiscalYear]);
      await m.query(`UPDATE budget_lines l SET realized = s.total, entry_count = entry_count + 12 FROM (SELECT line_id, sum(monthly) AS total FROM ds_sts GROUP BY 1) s WHERE s.line_id = l.id`);
    },
  },
];

export async function revenueTreasurer(m: EntityManager): Promise<string | null> {
  const [row] = await m.query(`SELECT id FROM users WHERE username = 'revenue-treasurer-a'`);
  return row?.id ?? null;
}
