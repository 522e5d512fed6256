import { MigrationInterface, QueryRunner } from 'typeorm';

// One OPD's page of budget lines read off one index in list order (decision
// 0064): the OPD filter (`organization_id = $2`) and the list order
// (`organization_code, sub_activity_code, account_code, funding_source_code,
// id`) in one index, so a page stops after `limit + 1` entries and its count
// is a range of the same index. It replaces `budget_lines_org_idx`
// (fiscal_year, organization_id), which is its prefix.
export class BudgetLineOpdListOrder1764304200000 implements MigrationInterface {
  name = 'BudgetLineOpdListOrder1764304200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX budget_lines_org_list_order_idx
      ON budget_lines(fiscal_year, organization_id, organization_code, sub_activity_code, account_code, funding_source_code, id)`);
    await q.query(`DROP INDEX budget_lines_org_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX budget_lines_org_idx ON budget_lines(fiscal_year, organization_id)`);
    await q.query(`DROP INDEX budget_lines_org_list_order_idx`);
  }
}
