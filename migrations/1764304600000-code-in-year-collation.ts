import { MigrationInterface, QueryRunner } from 'typeorm';

// code_in_year() looks a code up in code_list_entries by its primary key. The
// row triggers call it through refuse_code_outside_year(..., TG_TABLE_NAME),
// and TG_TABLE_NAME is of type name, whose collation is "C": a non-default
// implicit collation wins over the default one, so the whole call ran with
// collation "C", its comparisons could not use the key (built with the
// database's default collation), and every checked code scanned the code
// lists (18,000 entries): a 61,000-line insert took minutes. The comparisons
// now name the default collation explicitly (docs/decisions/0014).
export class CodeInYearCollation1764304600000 implements MigrationInterface {
  name = 'CodeInYearCollation1764304600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION code_in_year(p_list text, p_code text, p_year integer) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN EXISTS (SELECT 1 FROM code_list_entries e JOIN fiscal_years y ON y.code_list_version = e.version
                       WHERE y.year = p_year AND e.list = p_list COLLATE "default" AND e.code = p_code COLLATE "default");
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION code_in_year(p_list text, p_code text, p_year integer) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN EXISTS (SELECT 1 FROM code_list_entries e JOIN fiscal_years y ON y.code_list_version = e.version
                       WHERE y.year = p_year AND e.list = p_list AND e.code = p_code);
      END $$`);
  }
}
