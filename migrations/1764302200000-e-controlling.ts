import { MigrationInterface, QueryRunner } from 'typeorm';

// e-controlling (issue 10): the read views it takes from the modules below
// (each view named after, and owned by, the module whose tables it reads), the
// controlling thresholds per fiscal year, the escalation record of critical
// contracts, and frozen RFK snapshots (append-only: a correction is a new
// version).
export class EControlling1764302200000 implements MigrationInterface {
  name = 'EControlling1764302200000';

  async up(q: QueryRunner): Promise<void> {
    // e-project planning: packages with their plans, and their funding lines.
    await q.query(`
      CREATE VIEW planning_package_plans_v AS
      SELECT p.id, p.code, p.fiscal_year, p.organization_id, p.sub_activity_code, p.name, p.type, p.method, p.value, p.status,
        p.procurement_start, p.execution_start, p.execution_end, p.physical_plan, p.financial_plan, p.rup_code,
        (SELECT string_agg(l->>'regionCode' || ': ' || (l->>'detail'), '; ') FROM jsonb_array_elements(p.location) l) AS location,
        u.full_name AS planner_name
      FROM packages p JOIN users u ON u.id = p.created_by`);
    await q.query(`CREATE VIEW planning_package_funding_v AS SELECT package_id, budget_line_id, amount FROM package_funding`);
    // e-delivery: contracts with their officer and vendor, and verified progress.
    await q.query(`
      CREATE VIEW delivery_contracts_v AS
      SELECT c.id, c.number, c.package_id, c.fiscal_year, c.organization_id, c.status, c.value, c.signed_on, c.start_date, c.end_date,
        v.name AS vendor_name, u.full_name AS officer_name
      FROM contracts c JOIN vendors v ON v.id = c.vendor_id JOIN users u ON u.id = c.created_by
      WHERE c.status NOT IN ('DRAFT','TERMINATED')`);
    await q.query(`
      CREATE VIEW delivery_verified_progress_v AS
      SELECT contract_id, reported_on, cumulative_percent FROM progress_reports WHERE status = 'VERIFIED'`);
    // e-penatausahaan: disbursements (SP2D and their cancellations) of contract termins.
    await q.query(`
      CREATE VIEW penatausahaan_contract_disbursements_v AS
      SELECT s.contract_id, e.budget_line_id, e.value_date, e.amount
      FROM ledger_entries e JOIN sp2d d ON d.id::text = e.source_id JOIN spp s ON s.id = d.spp_id
      WHERE e.kind = 'DISBURSEMENT' AND e.source_type IN ('Sp2d','Sp2dCancellation') AND s.contract_id IS NOT NULL`);
    // e-penatausahaan: TU advances with their accounting deadline.
    await q.query(`
      CREATE VIEW penatausahaan_tu_advances_v AS
      SELECT d.id, d.number, d.fiscal_year, d.organization_id, d.gross, d.issued_on, d.account_due_on,
        EXISTS (SELECT 1 FROM spj j WHERE j.advance_sp2d_id = d.id AND j.status = 'APPROVED') AS accounted
      FROM sp2d d WHERE d.type = 'TU' AND d.status = 'ISSUED'`);
    // e-budgeting: the monthly cash plan (anggaran kas) of a line.
    await q.query(`CREATE VIEW budgeting_cash_plans_v AS SELECT budget_line_id, months FROM cash_plans`);

    await q.query(`
      CREATE TABLE controlling_thresholds (
        fiscal_year integer PRIMARY KEY REFERENCES fiscal_years(year),
        period_one_up_to numeric(5,2) NOT NULL CHECK (period_one_up_to > 0 AND period_one_up_to < 100),
        period_one_behind numeric(5,2) NOT NULL CHECK (period_one_behind >= 0 AND period_one_behind <= 100),
        period_two_behind numeric(5,2) NOT NULL CHECK (period_two_behind >= 0 AND period_two_behind <= 100),
        projection_days integer NOT NULL CHECK (projection_days BETWEEN 1 AND 366),
        not_tendered_days integer NOT NULL CHECK (not_tendered_days BETWEEN 0 AND 366),
        progress_silence_days integer NOT NULL CHECK (progress_silence_days BETWEEN 1 AND 366),
        behind_cash_plan_points numeric(5,2) NOT NULL CHECK (behind_cash_plan_points >= 0 AND behind_cash_plan_points <= 100),
        unspent_allotment_percent numeric(5,2) NOT NULL CHECK (unspent_allotment_percent >= 0 AND unspent_allotment_percent <= 100),
        year_end_days integer NOT NULL CHECK (year_end_days BETWEEN 1 AND 366),
        regulation text NOT NULL CHECK (length(btrim(regulation)) > 0),
        updated_by uuid NOT NULL REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The escalation of a critical contract: show-cause meetings I-III with the
    // target agreed, warning letters I-III, and one outcome. Append-only.
    await q.query(`
      CREATE TABLE contract_escalations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES contracts(id),
        kind text NOT NULL CHECK (kind IN ('SHOW_CAUSE_MEETING','WARNING_LETTER','OUTCOME')),
        stage smallint CHECK (stage BETWEEN 1 AND 3),
        held_on date NOT NULL,
        document_number text,
        target_percent numeric(5,2) CHECK (target_percent > 0 AND target_percent <= 100),
        target_date date,
        outcome text CHECK (outcome IN ('RECOVERED','ADDENDUM','TERMINATED')),
        note text NOT NULL CHECK (length(btrim(note)) > 0),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT escalation_meeting_target CHECK (kind <> 'SHOW_CAUSE_MEETING' OR (stage IS NOT NULL AND target_percent IS NOT NULL AND target_date IS NOT NULL AND target_date >= held_on)),
        CONSTRAINT escalation_letter CHECK (kind <> 'WARNING_LETTER' OR (stage IS NOT NULL AND document_number IS NOT NULL)),
        CONSTRAINT escalation_outcome CHECK ((kind = 'OUTCOME') = (outcome IS NOT NULL) AND (kind <> 'OUTCOME' OR stage IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX contract_escalations_stage_uq ON contract_escalations(contract_id, kind, COALESCE(stage, 0))`);
    await q.query(`CREATE TRIGGER contract_escalations_append_only BEFORE UPDATE OR DELETE ON contract_escalations FOR EACH ROW EXECUTE FUNCTION grms_reject_change()`);
    await q.query(`CREATE TRIGGER contract_escalations_no_truncate BEFORE TRUNCATE ON contract_escalations FOR EACH STATEMENT EXECUTE FUNCTION grms_reject_change()`);

    // Frozen RFKs: one row per version of a month, its rows as they were computed.
    await q.query(`
      CREATE TABLE rfk_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
        version integer NOT NULL CHECK (version > 0),
        as_of date NOT NULL,
        reason text,
        row_count integer NOT NULL CHECK (row_count >= 0),
        frozen_by uuid NOT NULL REFERENCES users(id),
        frozen_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (fiscal_year, month, version),
        CONSTRAINT rfk_snapshot_correction_reason CHECK (version = 1 OR length(btrim(COALESCE(reason, ''))) > 0)
      )`);
    await q.query(`
      CREATE TABLE rfk_snapshot_rows (
        snapshot_id uuid NOT NULL REFERENCES rfk_snapshots(id),
        row_no integer NOT NULL CHECK (row_no > 0),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        data jsonb NOT NULL,
        PRIMARY KEY (snapshot_id, row_no)
      )`);
    await q.query(`CREATE INDEX rfk_snapshot_rows_org_idx ON rfk_snapshot_rows(snapshot_id, organization_id, row_no)`);
    for (const t of ['rfk_snapshots', 'rfk_snapshot_rows']) {
      await q.query(`CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION grms_reject_change()`);
      await q.query(`CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION grms_reject_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['rfk_snapshot_rows', 'rfk_snapshots', 'contract_escalations', 'controlling_thresholds']) await q.query(`DROP TABLE ${t}`);
    for (const v of ['budgeting_cash_plans_v', 'penatausahaan_tu_advances_v', 'penatausahaan_contract_disbursements_v', 'delivery_verified_progress_v', 'delivery_contracts_v', 'planning_package_funding_v', 'planning_package_plans_v']) {
      await q.query(`DROP VIEW ${v}`);
    }
  }
}
