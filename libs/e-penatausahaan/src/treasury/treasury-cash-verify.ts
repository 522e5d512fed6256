import { DataSource } from 'typeorm';

export interface TreasuryCashDayProblem { fiscalYear: number; day: string; problem: string }
export interface TreasuryCashVerifyResult { valid: boolean; daysChecked: number; problems: TreasuryCashDayProblem[] }

// Every day of the treasury's cash recomputed from its source documents
// (decision 0141): deposit slips (STS) on their deposit date, less the
// cancelled or corrected ones on the reversal's date; financing realisations
// (6.1 receipts, 6.2 expenditures) on their date; SP2Ds on their issue date
// (gross), less the cancelled ones on the day of the cancellation. Each
// column of each day compared with what treasury_cash_days holds (the sum of
// the day's stripes, decision 0024).
const RECOMPUTE = `
  WITH src AS (
    SELECT fiscal_year, deposit_date AS day, amount AS revenue, 0 AS receipts, 0 AS sp2d, 0 AS expenditures FROM sts
    UNION ALL SELECT s.fiscal_year, c.value_date, -s.amount, 0, 0, 0 FROM sts_cancellations c JOIN sts s ON s.id = c.sts_id
    UNION ALL SELECT f.fiscal_year, f.realized_on, 0, CASE WHEN b.account_code LIKE '6.2.%' THEN 0 ELSE f.amount END, 0,
      CASE WHEN b.account_code LIKE '6.2.%' THEN f.amount ELSE 0 END
      FROM financing_realizations f JOIN budget_lines b ON b.id = f.budget_line_id
    UNION ALL SELECT fiscal_year, issued_on, 0, 0, gross, 0 FROM sp2d
    UNION ALL SELECT fiscal_year, cancelled_at::date, 0, 0, -gross, 0 FROM sp2d WHERE status = 'CANCELLED'),
  want AS (
    SELECT fiscal_year, day, sum(revenue) AS revenue, sum(receipts) AS receipts, sum(sp2d) AS sp2d, sum(expenditures) AS expenditures
    FROM src GROUP BY fiscal_year, day),
  cmp AS (
    SELECT COALESCE(w.fiscal_year, d.fiscal_year) AS fiscal_year, COALESCE(w.day, d.day) AS day,
      COALESCE(w.revenue, 0) AS w_revenue, COALESCE(d.revenue, 0) AS d_revenue,
      COALESCE(w.receipts, 0) AS w_receipts, COALESCE(d.financing_receipts, 0) AS d_receipts,
      COALESCE(w.sp2d, 0) AS w_sp2d, COALESCE(d.sp2d, 0) AS d_sp2d,
      COALESCE(w.expenditures, 0) AS w_expenditures, COALESCE(d.financing_expenditures, 0) AS d_expenditures
    FROM want w FULL JOIN (
      SELECT fiscal_year, day, sum(revenue) AS revenue, sum(financing_receipts) AS financing_receipts, sum(sp2d) AS sp2d, sum(financing_expenditures) AS financing_expenditures
      FROM treasury_cash_days GROUP BY fiscal_year, day) d ON d.fiscal_year = w.fiscal_year AND d.day = w.day)
  SELECT fiscal_year AS "fiscalYear", day::text AS day, concat_ws('; ',
      CASE WHEN w_revenue <> d_revenue THEN format('revenue %s booked <> %s from the deposit slips (STS, less cancellations and corrections)', d_revenue::numeric(20,2), w_revenue::numeric(20,2)) END,
      CASE WHEN w_receipts <> d_receipts THEN format('financing receipts %s booked <> %s from the financing realisations (6.1)', d_receipts::numeric(20,2), w_receipts::numeric(20,2)) END,
      CASE WHEN w_sp2d <> d_sp2d THEN format('SP2Ds %s booked <> %s from the SP2Ds (issued, less cancelled)', d_sp2d::numeric(20,2), w_sp2d::numeric(20,2)) END,
      CASE WHEN w_expenditures <> d_expenditures THEN format('financing expenditures %s booked <> %s from the financing realisations (6.2)', d_expenditures::numeric(20,2), w_expenditures::numeric(20,2)) END
    ) AS problem
  FROM cmp
  WHERE w_revenue <> d_revenue OR w_receipts <> d_receipts OR w_sp2d <> d_sp2d OR w_expenditures <> d_expenditures
  ORDER BY cmp.fiscal_year, cmp.day LIMIT 100`;

/** `grms ledger:verify`'s second part: the treasury's cash days against their source documents. */
export async function verifyTreasuryCashDays(ds: DataSource): Promise<TreasuryCashVerifyResult> {
  const [{ n }] = await ds.query(`SELECT count(DISTINCT (fiscal_year, day))::int AS n FROM treasury_cash_days`);
  const problems: TreasuryCashDayProblem[] = await ds.query(RECOMPUTE);
  return { valid: problems.length === 0, daysChecked: n, problems };
}

/** The verification as the CLI prints it: a summary line, then one line per differing day. */
export function treasuryCashReport(c: TreasuryCashVerifyResult): string {
  return [`${c.valid ? 'treasury cash days OK' : 'TREASURY CASH DAYS INCONSISTENT'}: ${c.daysChecked} days checked`,
    ...c.problems.map((p) => `  ${p.fiscalYear} ${p.day}: ${p.problem}`)].join('\n') + '\n';
}
