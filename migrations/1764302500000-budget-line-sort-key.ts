import { MigrationInterface, QueryRunner } from 'typeorm';

// Budget lines list in the order of the OPD code, which lived only in
// organizations: every page joined, sorted the whole match and counted it.
// The line now carries its OPD's code (kept by triggers on both tables), and
// one index holds the list order with the id as a unique tiebreak, so a page,
// by number or by cursor, is read off the index (docs/decisions/0060).
export class BudgetLineSortKey1764302500000 implements MigrationInterface {
  name = 'BudgetLineSortKey1764302500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budget_lines ADD COLUMN organization_code text`);
    await q.query(`UPDATE budget_lines b SET organization_code = o.code FROM organizations o WHERE o.id = b.organization_id`);
    await q.query(`ALTER TABLE budget_lines ALTER COLUMN organization_code SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION budget_line_organization_code() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT code INTO NEW.organization_code FROM organizations WHERE id = NEW.organization_id;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER budget_lines_organization_code BEFORE INSERT OR UPDATE OF organization_id, organization_code
      ON budget_lines FOR EACH ROW EXECUTE FUNCTION budget_line_organization_code()`);
    await q.query(`
      CREATE FUNCTION organization_code_to_budget_lines() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE budget_lines SET organization_code = NEW.code WHERE organization_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER organizations_code_to_budget_lines AFTER UPDATE OF code ON organizations
      FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION organization_code_to_budget_lines()`);
    await q.query(`CREATE UNIQUE INDEX budget_lines_list_order_idx
      ON budget_lines(fiscal_year, organization_code, sub_activity_code, account_code, funding_source_code, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX budget_lines_list_order_idx`);
    await q.query(`DROP TRIGGER organizations_code_to_budget_lines ON organizations`);
    await q.query(`DROP FUNCTION organization_code_to_budget_lines()`);
    await q.query(`DROP TRIGGER budget_lines_organization_code ON budget_lines`);
    await q.query(`DROP FUNCTION budget_line_organization_code()`);
    await q.query(`ALTER TABLE budget_lines DROP COLUMN organization_code`);
  }
}
