import { MigrationInterface, QueryRunner } from 'typeorm';

// e-monev (issue 10, docs/decisions/0600-0602): performance indicators per
// OPD and row of the nomenclature with their targets, quarterly realisations
// with their verification workflow (history append-only), the per-year
// settings (entry deadlines, achievement bands, the lower-is-better formula),
// the evaluation footer texts, and the view through which the evaluation
// report reads the ledger's expenditure side by quarter of value date.
export class EMonev1764302300000 implements MigrationInterface {
  name = 'EMonev1764302300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE monev_settings (
        fiscal_year integer PRIMARY KEY REFERENCES fiscal_years(year),
        entry_days integer NOT NULL CHECK (entry_days BETWEEN 0 AND 90),
        deadlines date[] CHECK (deadlines IS NULL OR cardinality(deadlines) = 4),
        band_very_high numeric(5,2) NOT NULL,
        band_high numeric(5,2) NOT NULL,
        band_medium numeric(5,2) NOT NULL,
        band_low numeric(5,2) NOT NULL,
        lower_is_better text NOT NULL CHECK (lower_is_better IN ('MIRROR','RATIO')),
        regulation text NOT NULL CHECK (length(btrim(regulation)) > 0),
        updated_by uuid NOT NULL REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (0 < band_low AND band_low < band_medium AND band_medium < band_high AND band_high < band_very_high AND band_very_high <= 100)
      )`);

    await q.query(`
      CREATE TABLE monev_indicators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        level text NOT NULL CHECK (level IN ('PROGRAM','KEGIATAN','SUB_KEGIATAN')),
        code text NOT NULL REFERENCES nomenclature(code),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        unit text NOT NULL CHECK (length(btrim(unit)) > 0),
        unit_kind text NOT NULL CHECK (unit_kind IN ('PERCENT','QUANTITY')),
        direction text NOT NULL CHECK (direction IN ('HIGHER_IS_BETTER','LOWER_IS_BETTER')),
        aggregation text NOT NULL CHECK (aggregation IN ('SUM','LAST','AVERAGE')),
        baseline numeric(20,4) CHECK (baseline >= 0),
        target numeric(20,4) NOT NULL CHECK (target >= 0),
        quarterly_targets numeric(20,4)[] NOT NULL CHECK (cardinality(quarterly_targets) = 4 AND 0 <= ALL (quarterly_targets)),
        renstra_target numeric(20,4) CHECK (renstra_target >= 0),
        renstra_amount numeric(20,2) CHECK (renstra_amount >= 0),
        previous_realization numeric(20,4) CHECK (previous_realization >= 0),
        previous_amount numeric(20,2) CHECK (previous_amount >= 0),
        responsible_unit text,
        notes text,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT monev_indicators_uq UNIQUE (fiscal_year, organization_id, code, name),
        CONSTRAINT monev_indicator_percent_at_most_100 CHECK (unit_kind <> 'PERCENT' OR (target <= 100 AND 100 >= ALL (quarterly_targets)
          AND COALESCE(baseline, 0) <= 100 AND COALESCE(renstra_target, 0) <= 100 AND COALESCE(previous_realization, 0) <= 100))
      )`);
    await q.query(`CREATE INDEX monev_indicators_org_idx ON monev_indicators (fiscal_year, organization_id, code)`);

    await q.query(`
      CREATE TABLE monev_realizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_id uuid NOT NULL REFERENCES monev_indicators(id),
        quarter smallint NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        value numeric(20,4) NOT NULL CHECK (value >= 0),
        evidence text NOT NULL CHECK (length(btrim(evidence)) > 0),
        obstacles text,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SUBMITTED','VERIFIED','REJECTED')),
        reject_reason text,
        entered_by uuid NOT NULL REFERENCES users(id),
        submitted_by uuid REFERENCES users(id),
        submitted_at timestamptz,
        verified_by uuid REFERENCES users(id),
        verified_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT monev_realizations_uq UNIQUE (indicator_id, quarter),
        CONSTRAINT monev_realization_rejected_has_reason CHECK (status <> 'REJECTED' OR length(btrim(reject_reason)) > 0),
        CONSTRAINT monev_realization_submitted_has_submitter CHECK (status = 'DRAFT' OR submitted_by IS NOT NULL),
        CONSTRAINT monev_realization_verified_has_verifier CHECK (status NOT IN ('VERIFIED','REJECTED') OR verified_by IS NOT NULL),
        CONSTRAINT monev_realization_four_eyes CHECK (verified_by IS NULL OR verified_by <> submitted_by)
      )`);
    await q.query(`CREATE INDEX monev_realizations_status_idx ON monev_realizations (status, quarter)`);
    // a percentage above 100 is refused by the database too, whatever wrote it
    await q.query(`
      CREATE FUNCTION monev_realization_percent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.value > 100 AND EXISTS (SELECT 1 FROM monev_indicators i WHERE i.id = NEW.indicator_id AND i.unit_kind = 'PERCENT') THEN
          RAISE EXCEPTION 'a realisation of a percentage indicator is at most 100' USING ERRCODE = '23514', CONSTRAINT = 'monev_realization_percent_at_most_100';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER monev_realizations_percent BEFORE INSERT OR UPDATE OF value ON monev_realizations FOR EACH ROW EXECUTE FUNCTION monev_realization_percent()`);

    await q.query(`
      CREATE TABLE monev_realization_events (
        id bigserial PRIMARY KEY,
        realization_id uuid NOT NULL REFERENCES monev_realizations(id),
        action text NOT NULL,
        status text NOT NULL,
        value numeric(20,4) NOT NULL,
        evidence text NOT NULL,
        reason text,
        actor_id uuid NOT NULL REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX monev_realization_events_idx ON monev_realization_events (realization_id, id)`);
    await q.query(`CREATE TRIGGER monev_realization_events_append_only BEFORE UPDATE OR DELETE ON monev_realization_events FOR EACH ROW EXECUTE FUNCTION grms_reject_change()`);
    await q.query(`CREATE TRIGGER monev_realization_events_no_truncate BEFORE TRUNCATE ON monev_realization_events FOR EACH STATEMENT EXECUTE FUNCTION grms_reject_change()`);

    await q.query(`
      CREATE TABLE monev_evaluation_notes (
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        quarter smallint NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        driving_factors text NOT NULL DEFAULT '',
        inhibiting_factors text NOT NULL DEFAULT '',
        follow_up text NOT NULL DEFAULT '',
        follow_up_next_year text NOT NULL DEFAULT '',
        updated_by uuid NOT NULL REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fiscal_year, quarter, organization_id)
      )`);

    // The budget side of the evaluation report, owned with the ledger's
    // reading rules: appropriation and disbursement of expenditure lines (5),
    // per OPD and sub kegiatan, bucketed by the quarter of the value date
    // (0 before the fiscal year begins, 5 after it ends).
    await q.query(`
      CREATE VIEW budget_expenditure_quarters AS
      SELECT b.fiscal_year, b.organization_id, b.sub_activity_code, e.kind,
             CASE WHEN e.value_date < make_date(b.fiscal_year, 1, 1) THEN 0
                  WHEN e.value_date > make_date(b.fiscal_year, 12, 31) THEN 5
                  ELSE extract(quarter FROM e.value_date)::int END AS quarter,
             sum(e.amount) AS amount
      FROM ledger_entries e JOIN budget_lines b ON b.id = e.budget_line_id
      WHERE e.kind IN ('APPROPRIATION','DISBURSEMENT') AND b.account_code LIKE '5.%'
      GROUP BY 1, 2, 3, 4, 5`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW budget_expenditure_quarters`);
    await q.query(`DROP TABLE monev_evaluation_notes`);
    await q.query(`DROP TABLE monev_realization_events`);
    await q.query(`DROP TABLE monev_realizations`);
    await q.query(`DROP FUNCTION monev_realization_percent()`);
    await q.query(`DROP TABLE monev_indicators`);
    await q.query(`DROP TABLE monev_settings`);
  }
}
