import { MigrationInterface, QueryRunner } from 'typeorm';

// The statement trigger that checks the account codes of inserted catalogue
// items against the year's code-list version compared every (row, code) of
// the statement, one lookup each: 45 s for a 20,000-row import in one
// statement. The distinct (year, code) pairs are few (an import repeats a
// handful of accounts), so they are checked instead (docs/decisions/0062).
export class HsbCodesOfYearDistinct1764303400200 implements MigrationInterface {
  name = 'HsbCodesOfYearDistinct1764303400200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION hsb_items_codes_of_year_bulk() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE bad record;
      BEGIN
        SELECT p.fiscal_year, p.code INTO bad
        FROM (SELECT DISTINCT n.fiscal_year, c.code FROM new_rows n CROSS JOIN LATERAL unnest(n.account_codes) AS c(code)) p
        LEFT JOIN fiscal_years y ON y.year = p.fiscal_year
        LEFT JOIN code_list_entries e ON e.version = y.code_list_version AND e.list = 'accounts' AND e.code = p.code
        WHERE e.code IS NULL
        LIMIT 1;
        IF FOUND THEN PERFORM refuse_code_outside_year('accounts', bad.code, bad.fiscal_year, TG_TABLE_NAME); END IF;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION hsb_items_codes_of_year_bulk() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE bad record;
      BEGIN
        SELECT n.fiscal_year, c.code INTO bad FROM new_rows n CROSS JOIN LATERAL unnest(n.account_codes) AS c(code)
        WHERE NOT EXISTS (SELECT 1 FROM code_list_entries e JOIN fiscal_years y ON y.code_list_version = e.version
                          WHERE y.year = n.fiscal_year AND e.list = 'accounts' AND e.code = c.code)
        LIMIT 1;
        IF FOUND THEN PERFORM refuse_code_outside_year('accounts', bad.code, bad.fiscal_year, TG_TABLE_NAME); END IF;
        RETURN NULL;
      END $$`);
  }
}
