import { MigrationInterface, QueryRunner } from 'typeorm';

// The LRA shows the original budget and, after an amendment (APBD-P), the
// amended one (docs/decisions/0122). Which budget entries an amendment posted
// is e-budgeting's knowledge: this view, owned by e-budgeting, names the
// PERUBAHAN documents whose approval posted APPROPRIATION or ESTIMATE entries
// (source_type 'BudgetDocument'), so the report reads no e-budgeting table.
export class LraAmendmentView1764302000100 implements MigrationInterface {
  name = 'LraAmendmentView1764302000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW budget_amendment_sources AS
      SELECT 'BudgetDocument'::text AS source_type, d.id::text AS source_id, d.fiscal_year FROM budget_documents d WHERE d.stage = 'PERUBAHAN'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW budget_amendment_sources`);
  }
}
