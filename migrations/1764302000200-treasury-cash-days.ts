import { MigrationInterface, QueryRunner } from 'typeorm';

// The regional treasury's cash per day (decision 0121), kept by the services
// that move it (STS, financing realisation, SP2D issue and cancellation) in
// their own transaction, so the cash check of an SP2D reads at most 366 rows
// instead of summing every SP2D of the year. Backfilled from the SP2Ds and
// REALIZATION entries already written (the same statement as
// rebuildTreasuryCashDays of e-penatausahaan, frozen here with the migration).
const TREASURY_CASH_DAYS_REBUILD = `
  INSERT INTO treasury_cash_days (fiscal_year, day, revenue, financing_receipts, sp2d, financing_expenditures)
  SELECT $1::int, day, sum(revenue), sum(receipts), sum(sp2d), sum(expenditures) FROM (
    SELECT e.value_date AS day,
      CASE WHEN b.account_code LIKE '4.%' THEN e.amount ELSE 0 END AS revenue,
      CASE WHEN b.account_code LIKE '6.1.%' THEN e.amount ELSE 0 END AS receipts,
      0 AS sp2d,
      CASE WHEN b.account_code LIKE '6.2.%' THEN e.amount ELSE 0 END AS expenditures
    FROM ledger_entries e JOIN budget_lines b ON b.id = e.budget_line_id WHERE e.kind = 'REALIZATION' AND b.fiscal_year = $1::int
    UNION ALL SELECT issued_on, 0, 0, gross, 0 FROM sp2d WHERE fiscal_year = $1::int
    UNION ALL SELECT cancelled_at::date, 0, 0, -gross, 0 FROM sp2d WHERE fiscal_year = $1::int AND status = 'CANCELLED') x
  GROUP BY day
  ON CONFLICT (fiscal_year, day) DO UPDATE SET revenue = EXCLUDED.revenue, financing_receipts = EXCLUDED.financing_receipts,
    sp2d = EXCLUDED.sp2d, financing_expenditures = EXCLUDED.financing_expenditures`;

export class TreasuryCashDays1764302000200 implements MigrationInterface {
  name = 'TreasuryCashDays1764302000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE treasury_cash_days (
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        day date NOT NULL,
        revenue numeric(20,2) NOT NULL DEFAULT 0,
        financing_receipts numeric(20,2) NOT NULL DEFAULT 0,
        sp2d numeric(20,2) NOT NULL DEFAULT 0,
        financing_expenditures numeric(20,2) NOT NULL DEFAULT 0,
        PRIMARY KEY (fiscal_year, day)
      )`);
    const years: { year: number }[] = await q.query(`SELECT year FROM fiscal_years`);
    for (const y of years) await q.query(TREASURY_CASH_DAYS_REBUILD, [y.year]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE treasury_cash_days`);
  }
}
