import { MigrationInterface, QueryRunner } from 'typeorm';

// One order of OPDs (decision 0520): the columns that hold an OPD's code
// (organizations.code and its copy budget_lines.organization_code) compare in
// collation "C", byte order of the ASCII codes, whatever the database's
// default collation. Every list, page, report and download that orders by
// the code, and every keyset cursor that compares it, then orders as the
// downloads that already named COLLATE "C" did: on a server whose default is
// linguistic (en_US.UTF-8 ignores the dots: '91' before '9.2'), a JSON page
// and its download no longer differ. The indexes on the columns are rebuilt
// in that collation, so an ORDER BY code (with or without COLLATE "C") still
// reads them in order. No table is rewritten (text stays text).
export class OpdCodeCollationC1764307100000 implements MigrationInterface {
  name = 'OpdCodeCollationC1764307100000';

  async up(q: QueryRunner): Promise<void> {
    await this.recollate(q, '"C"');
  }

  async down(q: QueryRunner): Promise<void> {
    await this.recollate(q, '"default"');
  }

  /** The two triggers that keep the copy name the columns (UPDATE OF, WHEN): dropped around the change, then made again as they were. */
  private async recollate(q: QueryRunner, collation: string): Promise<void> {
    await q.query(`DROP TRIGGER organizations_code_to_budget_lines ON organizations`);
    await q.query(`DROP TRIGGER budget_lines_organization_code ON budget_lines`);
    await q.query(`ALTER TABLE organizations ALTER COLUMN code TYPE text COLLATE ${collation}`);
    await q.query(`ALTER TABLE budget_lines ALTER COLUMN organization_code TYPE text COLLATE ${collation}`);
    await q.query(`CREATE TRIGGER budget_lines_organization_code BEFORE INSERT OR UPDATE OF organization_id, organization_code
      ON budget_lines FOR EACH ROW EXECUTE FUNCTION budget_line_organization_code()`);
    await q.query(`CREATE TRIGGER organizations_code_to_budget_lines AFTER UPDATE OF code ON organizations
      FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION organization_code_to_budget_lines()`);
  }
}
