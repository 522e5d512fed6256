import { MigrationInterface, QueryRunner } from 'typeorm';

// The ledger learns dates and how to give allotment back (issue 7, sections 2
// and 4):
// - every ledger entry carries its value date (the document's legal date),
//   distinct from created_at; existing entries take the date they were written;
// - month close: a closed month (ledger_periods) takes no entry dated in it,
//   proven by a trigger (the service refuses first, with PERIOD_CLOSED);
// - committed + disbursed <= appropriated joins the CHECKs of budget_lines;
// - an SPD can be revised (its lines reduced, kept in spd_revisions) or, as a
//   draft, withdrawn;
// - an SPM can be cancelled (its SPP then gets a new SPM), an SPP cancelled,
//   an SPJ rejected back to its treasurer, a draft budget document deleted
//   (kept as DELETED: its history is append-only);
// - a PERGESERAN records its class (which approver it needs).
export class ValueDatedLedger1764301300000 implements MigrationInterface {
  name = 'ValueDatedLedger1764301300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger_entries ADD COLUMN value_date date`);
    await q.query(`ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only`);
    await q.query(`UPDATE ledger_entries SET value_date = created_at::date`);
    await q.query(`ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only`);
    await q.query(`ALTER TABLE ledger_entries ALTER COLUMN value_date SET NOT NULL, ALTER COLUMN value_date SET DEFAULT current_date`);
    await q.query(`CREATE INDEX ledger_entries_line_date_idx ON ledger_entries(budget_line_id, value_date)`);

    await q.query(`
      CREATE TABLE ledger_periods (
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
        closed_by uuid NOT NULL REFERENCES users(id),
        closed_at timestamptz NOT NULL DEFAULT now(),
        reason text,
        PRIMARY KEY (fiscal_year, month)
      )`);
    await q.query(`CREATE TRIGGER ledger_periods_append_only BEFORE UPDATE OR DELETE ON ledger_periods FOR EACH ROW EXECUTE FUNCTION grms_reject_change()`);
    await q.query(`
      CREATE FUNCTION ledger_entries_check_period() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM ledger_periods p
                   WHERE p.fiscal_year = extract(year FROM NEW.value_date)::int AND p.month = extract(month FROM NEW.value_date)::int) THEN
          RAISE EXCEPTION 'ledger period % is closed', to_char(NEW.value_date, 'YYYY-MM') USING ERRCODE = '23514', CONSTRAINT = 'ledger_period_closed';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER ledger_entries_period BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_entries_check_period()`);

    await q.query(`ALTER TABLE budget_lines ADD CONSTRAINT budget_line_used_within_appropriated CHECK (committed + disbursed <= appropriated)`);

    // SPD: revisions (negative ALLOTMENT) and withdrawal of a draft.
    await replaceCheck(q, 'spd', 'status', `CHECK (status IN ('DRAFT','APPROVED','WITHDRAWN'))`);
    await replaceCheck(q, 'spd', 'total', `CHECK (total >= 0)`);
    await replaceCheck(q, 'spd_lines', 'amount', `CHECK (amount >= 0)`);
    await q.query(`ALTER TABLE spd ADD COLUMN withdrawn_by uuid REFERENCES users(id), ADD COLUMN withdraw_reason text,
      ADD CONSTRAINT spd_withdrawn_complete CHECK ((status = 'WITHDRAWN') = (withdrawn_by IS NOT NULL AND withdraw_reason IS NOT NULL))`);
    await q.query(`
      CREATE TABLE spd_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        spd_id uuid NOT NULL REFERENCES spd(id),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        source_type text NOT NULL DEFAULT 'SpdRevision',
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE spd_revision_lines (
        revision_id uuid NOT NULL REFERENCES spd_revisions(id),
        budget_line_id uuid NOT NULL REFERENCES budget_lines(id),
        amount_before numeric(20,2) NOT NULL,
        amount_after numeric(20,2) NOT NULL CHECK (amount_after >= 0),
        PRIMARY KEY (revision_id, budget_line_id),
        CHECK (amount_after < amount_before)
      )`);
    for (const t of ['spd_revisions', 'spd_revision_lines']) {
      await q.query(`CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION grms_reject_change()`);
    }

    // SPM: cancellable (after its SP2D is cancelled); a cancelled SPM frees its SPP.
    await q.query(`ALTER TABLE spm DROP CONSTRAINT spm_spp_id_key`);
    await q.query(`CREATE UNIQUE INDEX spm_one_live_per_spp ON spm(spp_id) WHERE status <> 'CANCELLED'`);
    await replaceCheck(q, 'spm', 'status', `CHECK (status IN ('DRAFT','APPROVED','CANCELLED'))`);
    await q.query(`ALTER TABLE spm ADD COLUMN cancelled_by uuid REFERENCES users(id), ADD COLUMN cancelled_at timestamptz, ADD COLUMN cancel_reason text,
      ADD CONSTRAINT spm_cancel_complete CHECK ((status = 'CANCELLED') = (cancelled_by IS NOT NULL AND cancel_reason IS NOT NULL))`);

    // SPP: cancellable (keeps its number).
    await replaceCheck(q, 'spp', 'status', `CHECK (status IN ('DRAFT','SUBMITTED','VERIFIED','REJECTED','PAID','CANCELLED'))`);
    await q.query(`ALTER TABLE spp ADD COLUMN cancel_reason text, ADD COLUMN cancelled_by uuid REFERENCES users(id)`);
    await q.query(`DROP INDEX spp_one_gu_per_spj`);
    await q.query(`CREATE UNIQUE INDEX spp_one_gu_per_spj ON spp(spj_id) WHERE spj_id IS NOT NULL AND status NOT IN ('REJECTED','CANCELLED')`);

    // SPJ: rejected back to its treasurer.
    await replaceCheck(q, 'spj', 'status', `CHECK (status IN ('SUBMITTED','APPROVED','REJECTED'))`);
    await q.query(`ALTER TABLE spj ADD COLUMN reject_reason text, ADD COLUMN rejected_by uuid REFERENCES users(id),
      ADD CONSTRAINT spj_reject_complete CHECK ((status = 'REJECTED') = (rejected_by IS NOT NULL AND reject_reason IS NOT NULL))`);

    // Budget documents: a draft can be deleted (kept as DELETED), a PERGESERAN knows its class.
    await replaceCheck(q, 'budget_documents', 'status', `CHECK (status IN ('DRAFT','SUBMITTED','APPROVED','SUPERSEDED','DELETED'))`);
    await q.query(`ALTER TABLE budget_documents DROP CONSTRAINT budget_documents_revision_uq`);
    await q.query(`CREATE UNIQUE INDEX budget_documents_revision_uq ON budget_documents (fiscal_year, organization_id, sub_activity_code, revision) WHERE status <> 'DELETED'`);
    await q.query(`ALTER TABLE budget_documents ADD COLUMN shift_class text CHECK (shift_class IN ('WITHIN_OBJEK','BETWEEN_OBJEK'))`);
    await replaceCheck(q, 'budget_document_events', 'action', `CHECK (action IN ('CREATED','SUBMITTED','APPROVED','REJECTED','SUPERSEDED','DELETED'))`);

    // Ceilings: a ceiling forced below what is used keeps the reason.
    await q.query(`ALTER TABLE budget_ceilings ADD COLUMN force_reason text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budget_ceilings DROP COLUMN force_reason`);
    await replaceCheck(q, 'budget_document_events', 'action', `CHECK (action IN ('CREATED','SUBMITTED','APPROVED','REJECTED','SUPERSEDED'))`);
    await q.query(`ALTER TABLE budget_documents DROP COLUMN shift_class`);
    await q.query(`DROP INDEX budget_documents_revision_uq`);
    await q.query(`ALTER TABLE budget_documents ADD CONSTRAINT budget_documents_revision_uq UNIQUE (fiscal_year, organization_id, sub_activity_code, revision)`);
    await replaceCheck(q, 'budget_documents', 'status', `CHECK (status IN ('DRAFT','SUBMITTED','APPROVED','SUPERSEDED'))`);
    await q.query(`ALTER TABLE spj DROP CONSTRAINT spj_reject_complete, DROP COLUMN reject_reason, DROP COLUMN rejected_by`);
    await replaceCheck(q, 'spj', 'status', `CHECK (status IN ('SUBMITTED','APPROVED'))`);
    await q.query(`DROP INDEX spp_one_gu_per_spj`);
    await q.query(`CREATE UNIQUE INDEX spp_one_gu_per_spj ON spp(spj_id) WHERE spj_id IS NOT NULL AND status <> 'REJECTED'`);
    await q.query(`ALTER TABLE spp DROP COLUMN cancel_reason, DROP COLUMN cancelled_by`);
    await replaceCheck(q, 'spp', 'status', `CHECK (status IN ('DRAFT','SUBMITTED','VERIFIED','REJECTED','PAID'))`);
    await q.query(`ALTER TABLE spm DROP CONSTRAINT spm_cancel_complete, DROP COLUMN cancelled_by, DROP COLUMN cancelled_at, DROP COLUMN cancel_reason`);
    await replaceCheck(q, 'spm', 'status', `CHECK (status IN ('DRAFT','APPROVED'))`);
    await q.query(`DROP INDEX spm_one_live_per_spp`);
    await q.query(`ALTER TABLE spm ADD CONSTRAINT spm_spp_id_key UNIQUE (spp_id)`);
    await q.query(`DROP TABLE spd_revision_lines`);
    await q.query(`DROP TABLE spd_revisions`);
    await q.query(`ALTER TABLE spd DROP CONSTRAINT spd_withdrawn_complete, DROP COLUMN withdrawn_by, DROP COLUMN withdraw_reason`);
    await replaceCheck(q, 'spd_lines', 'amount', `CHECK (amount > 0)`);
    await replaceCheck(q, 'spd', 'total', `CHECK (total > 0)`);
    await replaceCheck(q, 'spd', 'status', `CHECK (status IN ('DRAFT','APPROVED'))`);
    await q.query(`ALTER TABLE budget_lines DROP CONSTRAINT budget_line_used_within_appropriated`);
    await q.query(`DROP TRIGGER ledger_entries_period ON ledger_entries`);
    await q.query(`DROP FUNCTION ledger_entries_check_period`);
    await q.query(`DROP TABLE ledger_periods`);
    await q.query(`DROP INDEX ledger_entries_line_date_idx`);
    await q.query(`ALTER TABLE ledger_entries DROP COLUMN value_date`);
  }
}

// Replaces the unnamed CHECK that the first migration put on one column by a
// named one.
async function replaceCheck(q: QueryRunner, table: string, column: string, check: string): Promise<void> {
  const rows: { conname: string }[] = await q.query(
    `SELECT c.conname FROM pg_constraint c
     WHERE c.conrelid = $1::regclass AND c.contype = 'c' AND array_length(c.conkey, 1) = 1
       AND c.conkey[1] = (SELECT attnum FROM pg_attribute WHERE attrelid = $1::regclass AND attname = $2)`,
    [table, column]);
  for (const r of rows) await q.query(`ALTER TABLE ${table} DROP CONSTRAINT "${r.conname}"`);
  await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_check ${check}`);
}
