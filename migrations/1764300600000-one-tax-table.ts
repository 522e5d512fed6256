import { MigrationInterface, QueryRunner } from 'typeorm';

// One tax table for the whole system: budget items take VAT from tax_rates
// (code PPN, percent), so the separate budget_vat_rates (fraction) goes. A
// year whose VAT differed from the default keeps it as its own PPN row.
export class OneTaxTable1764300600000 implements MigrationInterface {
  name = 'OneTaxTable1764300600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO tax_rates (fiscal_year, code, name, rate)
      SELECT v.fiscal_year, 'PPN', 'PPN (VAT)', round(v.rate * 100, 4)
      FROM budget_vat_rates v JOIN fiscal_years y ON y.year = v.fiscal_year
      WHERE round(v.rate * 100, 4) <> 11
      ON CONFLICT (fiscal_year, code) DO NOTHING`);
    await q.query(`DROP TABLE budget_vat_rates`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE budget_vat_rates (fiscal_year integer PRIMARY KEY CHECK (fiscal_year BETWEEN 2000 AND 2100), rate numeric(9,6) NOT NULL CHECK (rate >= 0 AND rate < 1), note text)`);
    await q.query(`INSERT INTO budget_vat_rates (fiscal_year, rate) SELECT year, 0.11 FROM fiscal_years`);
    await q.query(`UPDATE budget_vat_rates v SET rate = t.rate / 100 FROM tax_rates t WHERE t.fiscal_year = v.fiscal_year AND t.code = 'PPN'`);
  }
}
