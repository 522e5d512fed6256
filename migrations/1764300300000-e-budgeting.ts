import { MigrationInterface, QueryRunner } from 'typeorm';

// e-budgeting: VAT rates per fiscal year, ceilings (pagu indikatif), budget
// documents (RKA -> DPA) with their items and their workflow history.
export class EBudgeting1764300300000 implements MigrationInterface {
  name = 'EBudgeting1764300300000';

  async up(q: QueryRunner): Promise<void> {
    // VAT (PPN) used when pricing budget items; 11% effective (12% on 11/12 of the base).
    await q.query(`
      CREATE TABLE budget_vat_rates (
        fiscal_year integer PRIMARY KEY CHECK (fiscal_year BETWEEN 2000 AND 2100),
        rate numeric(9,6) NOT NULL CHECK (rate >= 0 AND rate < 1),
        note text
      )`);
    await q.query(`INSERT INTO budget_vat_rates (fiscal_year, rate, note) VALUES
      (2025, 0.11, 'PPN 12% x 11/12 (PMK 131/2024)'), (2026, 0.11, 'PPN 12% x 11/12 (PMK 131/2024)'), (2027, 0.11, 'PPN 12% x 11/12 (PMK 131/2024)')`);

    await q.query(`
      CREATE TABLE budget_ceilings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        program_code text REFERENCES nomenclature(code),
        amount numeric(20,2) NOT NULL CHECK (amount >= 0),
        version integer NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX budget_ceilings_uq ON budget_ceilings (fiscal_year, organization_id, COALESCE(program_code, ''))`);

    await q.query(`
      CREATE TABLE budget_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        sub_activity_code text NOT NULL REFERENCES nomenclature(code),
        stage text NOT NULL CHECK (stage IN ('MURNI','PERGESERAN','PERUBAHAN')),
        revision integer NOT NULL CHECK (revision >= 0),
        previous_id uuid REFERENCES budget_documents(id),
        status text NOT NULL CHECK (status IN ('DRAFT','SUBMITTED','APPROVED','SUPERSEDED')),
        total numeric(20,2) NOT NULL DEFAULT 0 CHECK (total >= 0),
        created_by uuid NOT NULL REFERENCES users(id),
        submitted_by uuid REFERENCES users(id),
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        rejection_reason text,
        row_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT budget_documents_revision_uq UNIQUE (fiscal_year, organization_id, sub_activity_code, revision),
        CHECK ((stage = 'MURNI') = (previous_id IS NULL)),
        CHECK ((status IN ('APPROVED','SUPERSEDED')) = (approved_by IS NOT NULL)),
        CHECK (approved_by IS NULL OR (approved_by <> created_by AND approved_by IS DISTINCT FROM submitted_by))
      )`);
    // At most one open (DRAFT or SUBMITTED) and one current APPROVED document per sub kegiatan.
    await q.query(`CREATE UNIQUE INDEX budget_documents_open_uq ON budget_documents (fiscal_year, organization_id, sub_activity_code) WHERE status IN ('DRAFT','SUBMITTED')`);
    await q.query(`CREATE UNIQUE INDEX budget_documents_approved_uq ON budget_documents (fiscal_year, organization_id, sub_activity_code) WHERE status = 'APPROVED'`);
    await q.query(`CREATE INDEX budget_documents_org_idx ON budget_documents (fiscal_year, organization_id, status)`);

    await q.query(`
      CREATE TABLE budget_document_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL,
        document_id uuid NOT NULL REFERENCES budget_documents(id) ON DELETE CASCADE,
        account_code text NOT NULL REFERENCES accounts(code),
        funding_source_code text NOT NULL REFERENCES funding_sources(code),
        hsb_item_id uuid REFERENCES hsb_items(id),
        hsb_version_id uuid REFERENCES hsb_item_versions(id),
        description text NOT NULL CHECK (length(btrim(description)) > 0),
        coefficients jsonb NOT NULL CHECK (jsonb_typeof(coefficients) = 'array' AND jsonb_array_length(coefficients) BETWEEN 1 AND 6),
        volume numeric NOT NULL CHECK (volume > 0),
        volume_unit text NOT NULL,
        unit_price numeric(20,2) NOT NULL CHECK (unit_price >= 0),
        vat boolean NOT NULL DEFAULT false,
        vat_rate numeric(9,6) NOT NULL DEFAULT 0,
        subtotal numeric(20,2) NOT NULL,
        vat_amount numeric(20,2) NOT NULL,
        total numeric(20,2) NOT NULL,
        justification text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT budget_item_total_is_sum CHECK (total = subtotal + vat_amount),
        CONSTRAINT budget_item_vat_flag CHECK (vat OR vat_amount = 0),
        CONSTRAINT budget_item_hsb_version CHECK ((hsb_item_id IS NULL) = (hsb_version_id IS NULL))
      )`);
    await q.query(`CREATE INDEX budget_document_items_doc_idx ON budget_document_items (document_id, account_code)`);
    await q.query(`CREATE INDEX budget_document_items_hsb_idx ON budget_document_items (hsb_item_id)`);

    // Every stage a document went through, with actor and totals; append-only.
    await q.query(`
      CREATE TABLE budget_document_events (
        id bigserial PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES budget_documents(id),
        action text NOT NULL CHECK (action IN ('CREATED','SUBMITTED','APPROVED','REJECTED','SUPERSEDED')),
        from_status text,
        to_status text NOT NULL,
        total numeric(20,2) NOT NULL,
        item_count integer NOT NULL,
        reason text,
        actor_id uuid REFERENCES users(id),
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX budget_document_events_doc_idx ON budget_document_events (document_id, id)`);
    await q.query(`CREATE TRIGGER budget_document_events_append_only BEFORE UPDATE OR DELETE ON budget_document_events FOR EACH ROW EXECUTE FUNCTION grms_reject_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['budget_document_events', 'budget_document_items', 'budget_documents', 'budget_ceilings', 'budget_vat_rates']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
