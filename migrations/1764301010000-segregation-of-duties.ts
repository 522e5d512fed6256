import { MigrationInterface, QueryRunner } from 'typeorm';

// Segregation of duties in the database, behind the services' checks:
// - an active user holds no incompatible pair of roles (the table of
//   libs/core/src/auth/segregation.ts as of this migration); NOT VALID, so an
//   existing account is not rewritten here: it can still be deactivated, and
//   any other change must fix its roles first;
// - nobody who created or verified the SPP, or created or approved the SPM,
//   issues its SP2D;
// - nobody who created the SPP approves its SPM;
// - nobody who edited a budget document (created it, changed its items,
//   submitted it) approves it: editors are recorded per document.
const PAIRS: [string, string][] = [
  ['TREASURER', 'CASH_AUTHORITY'], ['TREASURER', 'FINANCE_OFFICER'], ['TREASURER', 'BUDGET_USER'], ['TREASURER', 'REVENUE_TREASURER'],
  ['TREASURER', 'PROJECT_OFFICER'], ['FINANCE_OFFICER', 'CASH_AUTHORITY'], ['BUDGET_USER', 'CASH_AUTHORITY'], ['PLANNER', 'BUDGET_VERIFIER'],
  ['PLANNER', 'MONEV_VERIFIER'], ['PROJECT_OFFICER', 'SUPERVISOR'],
  ...['PRICE_ADMIN', 'PLANNER', 'BUDGET_VERIFIER', 'PROJECT_OFFICER', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR',
    'BUDGET_USER', 'REGIONAL_FINANCE_HEAD', 'REGIONAL_SECRETARY', 'REVENUE_TREASURER', 'SUPERVISOR', 'MONEV_VERIFIER'].map((r): [string, string] => ['ADMIN', r]),
];

export class SegregationOfDuties1764301010000 implements MigrationInterface {
  name = 'SegregationOfDuties1764301010000';

  async up(q: QueryRunner): Promise<void> {
    const none = PAIRS.map(([a, b]) => `NOT (roles @> ARRAY['${a}','${b}']::text[])`).join(' AND ');
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_roles_compatible CHECK (NOT active OR (${none})) NOT VALID`);

    await q.query(`
      CREATE FUNCTION grms_sp2d_segregation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM spm m JOIN spp p ON p.id = m.spp_id WHERE m.id = NEW.spm_id
                   AND NEW.issued_by IN (m.created_by, m.approved_by, p.created_by, p.verified_by)) THEN
          RAISE EXCEPTION 'the issuer of an SP2D made or approved an earlier step of its payment'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sp2d_segregation_of_duties', TABLE = 'sp2d';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER sp2d_segregation_of_duties BEFORE INSERT ON sp2d FOR EACH ROW EXECUTE FUNCTION grms_sp2d_segregation()`);

    await q.query(`
      CREATE FUNCTION grms_spm_segregation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.approved_by IS NOT NULL AND EXISTS (SELECT 1 FROM spp p WHERE p.id = NEW.spp_id AND p.created_by = NEW.approved_by) THEN
          RAISE EXCEPTION 'the approver of an SPM made its SPP'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'spm_segregation_of_duties', TABLE = 'spm';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER spm_segregation_of_duties BEFORE INSERT OR UPDATE OF approved_by ON spm FOR EACH ROW EXECUTE FUNCTION grms_spm_segregation()`);

    await q.query(`
      CREATE TABLE budget_document_editors (
        document_id uuid NOT NULL REFERENCES budget_documents(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        first_edited_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (document_id, user_id)
      )`);
    await q.query(`INSERT INTO budget_document_editors (document_id, user_id) SELECT id, created_by FROM budget_documents`);
    await q.query(`INSERT INTO budget_document_editors (document_id, user_id) SELECT id, submitted_by FROM budget_documents WHERE submitted_by IS NOT NULL ON CONFLICT DO NOTHING`);
    await q.query(`
      CREATE FUNCTION grms_budget_document_editor() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO budget_document_editors (document_id, user_id) VALUES (NEW.id, NEW.created_by) ON CONFLICT DO NOTHING;
        IF NEW.submitted_by IS NOT NULL THEN
          INSERT INTO budget_document_editors (document_id, user_id) VALUES (NEW.id, NEW.submitted_by) ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER budget_documents_editors AFTER INSERT OR UPDATE OF submitted_by ON budget_documents FOR EACH ROW EXECUTE FUNCTION grms_budget_document_editor()`);
    await q.query(`
      CREATE FUNCTION grms_budget_document_approver() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.approved_by IS NOT NULL AND NEW.approved_by IS DISTINCT FROM OLD.approved_by
           AND EXISTS (SELECT 1 FROM budget_document_editors e WHERE e.document_id = NEW.id AND e.user_id = NEW.approved_by) THEN
          RAISE EXCEPTION 'the approver of a budget document edited it'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'budget_documents_approver_not_editor', TABLE = 'budget_documents';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER budget_documents_approver_not_editor BEFORE UPDATE OF approved_by ON budget_documents FOR EACH ROW EXECUTE FUNCTION grms_budget_document_approver()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS budget_documents_approver_not_editor ON budget_documents`);
    await q.query(`DROP TRIGGER IF EXISTS budget_documents_editors ON budget_documents`);
    await q.query(`DROP FUNCTION IF EXISTS grms_budget_document_approver()`);
    await q.query(`DROP FUNCTION IF EXISTS grms_budget_document_editor()`);
    await q.query(`DROP TABLE IF EXISTS budget_document_editors`);
    await q.query(`DROP TRIGGER IF EXISTS spm_segregation_of_duties ON spm`);
    await q.query(`DROP FUNCTION IF EXISTS grms_spm_segregation()`);
    await q.query(`DROP TRIGGER IF EXISTS sp2d_segregation_of_duties ON sp2d`);
    await q.query(`DROP FUNCTION IF EXISTS grms_sp2d_segregation()`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_roles_compatible`);
  }
}
