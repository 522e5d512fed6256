import { MigrationInterface, QueryRunner } from 'typeorm';

// e-penatausahaan: SPD, SPP, SPM, SP2D, SPJ, tax rates, UP limits and the
// treasurer's cash book (BKU). Amounts are numeric(20,2) and positive; the
// database is the backstop for the rules the services check first.
export class EPenatausahaan1764300400000 implements MigrationInterface {
  name = 'EPenatausahaan1764300400000';

  async up(q: QueryRunner): Promise<void> {
    for (const s of ['spd', 'spp', 'spm', 'sp2d', 'spj']) await q.query(`CREATE SEQUENCE ${s}_number_seq`);

    await q.query(`
      CREATE TABLE tax_rates (
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9_]{2,30}$'),
        name text NOT NULL,
        rate numeric(7,4) NOT NULL CHECK (rate >= 0 AND rate <= 100),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fiscal_year, code)
      )`);
    await q.query(`
      CREATE TABLE up_limits (
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        amount numeric(20,2) NOT NULL CHECK (amount >= 0),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fiscal_year, organization_id)
      )`);

    await q.query(`
      CREATE TABLE spd (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','APPROVED')),
        total numeric(20,2) NOT NULL CHECK (total > 0),
        created_by uuid NOT NULL REFERENCES users(id),
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT spd_four_eyes CHECK (approved_by IS NULL OR approved_by <> created_by),
        CONSTRAINT spd_approved_complete CHECK ((status = 'APPROVED') = (approved_by IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX spd_org_idx ON spd(fiscal_year, organization_id, month)`);
    await q.query(`
      CREATE TABLE spd_lines (
        spd_id uuid NOT NULL REFERENCES spd(id),
        budget_line_id uuid NOT NULL REFERENCES budget_lines(id),
        amount numeric(20,2) NOT NULL CHECK (amount > 0),
        PRIMARY KEY (spd_id, budget_line_id)
      )`);
    await q.query(`CREATE INDEX spd_lines_line_idx ON spd_lines(budget_line_id)`);

    await q.query(`
      CREATE TABLE spp (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        type text NOT NULL CHECK (type IN ('LS','UP','GU','TU')),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SUBMITTED','VERIFIED','REJECTED','PAID')),
        gross numeric(20,2) NOT NULL CHECK (gross > 0),
        taxes_total numeric(20,2) NOT NULL CHECK (taxes_total >= 0),
        net numeric(20,2) NOT NULL CHECK (net >= 0),
        payee_name text NOT NULL,
        payee_npwp text CHECK (payee_npwp ~ '^([0-9]{15}|[0-9]{16})$'),
        payee_bank_name text NOT NULL,
        payee_bank_account text NOT NULL,
        contract_id uuid,
        termin_no integer CHECK (termin_no > 0),
        spj_id uuid,
        reject_reason text,
        created_by uuid NOT NULL REFERENCES users(id),
        submitted_at timestamptz,
        verified_by uuid REFERENCES users(id),
        verified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT spp_net_is_gross_minus_taxes CHECK (net = gross - taxes_total),
        CONSTRAINT spp_four_eyes CHECK (verified_by IS NULL OR verified_by <> created_by)
      )`);
    await q.query(`CREATE INDEX spp_org_idx ON spp(fiscal_year, organization_id, status)`);
    await q.query(`
      CREATE TABLE spp_lines (
        spp_id uuid NOT NULL REFERENCES spp(id),
        budget_line_id uuid NOT NULL REFERENCES budget_lines(id),
        amount numeric(20,2) NOT NULL CHECK (amount > 0),
        PRIMARY KEY (spp_id, budget_line_id)
      )`);
    await q.query(`CREATE INDEX spp_lines_line_idx ON spp_lines(budget_line_id)`);
    await q.query(`
      CREATE TABLE spp_taxes (
        spp_id uuid NOT NULL REFERENCES spp(id),
        code text NOT NULL,
        name text NOT NULL,
        rate numeric(7,4) NOT NULL,
        amount numeric(20,2) NOT NULL CHECK (amount >= 0 AND amount = round(amount)),
        PRIMARY KEY (spp_id, code)
      )`);

    await q.query(`
      CREATE TABLE spm (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        spp_id uuid NOT NULL UNIQUE REFERENCES spp(id),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','APPROVED')),
        amount numeric(20,2) NOT NULL CHECK (amount > 0),
        created_by uuid NOT NULL REFERENCES users(id),
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT spm_four_eyes CHECK (approved_by IS NULL OR approved_by <> created_by)
      )`);
    await q.query(`CREATE INDEX spm_org_idx ON spm(fiscal_year, organization_id)`);

    await q.query(`
      CREATE TABLE sp2d (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        spm_id uuid NOT NULL REFERENCES spm(id),
        spp_id uuid NOT NULL REFERENCES spp(id),
        type text NOT NULL CHECK (type IN ('LS','UP','GU','TU')),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        status text NOT NULL DEFAULT 'ISSUED' CHECK (status IN ('ISSUED','CANCELLED')),
        gross numeric(20,2) NOT NULL CHECK (gross > 0),
        net numeric(20,2) NOT NULL CHECK (net >= 0),
        issued_on date NOT NULL DEFAULT current_date,
        account_due_on date,
        issued_by uuid NOT NULL REFERENCES users(id),
        cancelled_by uuid REFERENCES users(id),
        cancelled_at timestamptz,
        cancel_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sp2d_cancel_complete CHECK ((status = 'CANCELLED') = (cancelled_by IS NOT NULL AND cancel_reason IS NOT NULL))
      )`);
    // At most one live SP2D per SPM.
    await q.query(`CREATE UNIQUE INDEX sp2d_one_live_per_spm ON sp2d(spm_id) WHERE status = 'ISSUED'`);
    await q.query(`CREATE INDEX sp2d_org_idx ON sp2d(fiscal_year, organization_id, issued_on)`);

    await q.query(`
      CREATE TABLE spj (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        advance_sp2d_id uuid NOT NULL REFERENCES sp2d(id),
        status text NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED','APPROVED')),
        total numeric(20,2) NOT NULL CHECK (total > 0),
        returned numeric(20,2) NOT NULL DEFAULT 0 CHECK (returned >= 0),
        created_by uuid NOT NULL REFERENCES users(id),
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT spj_four_eyes CHECK (approved_by IS NULL OR approved_by <> created_by)
      )`);
    await q.query(`CREATE INDEX spj_advance_idx ON spj(advance_sp2d_id)`);
    await q.query(`ALTER TABLE spp ADD CONSTRAINT spp_spj_fk FOREIGN KEY (spj_id) REFERENCES spj(id)`);
    // One GU replenishment per SPJ (a rejected SPP frees it).
    await q.query(`CREATE UNIQUE INDEX spp_one_gu_per_spj ON spp(spj_id) WHERE spj_id IS NOT NULL AND status <> 'REJECTED'`);
    await q.query(`
      CREATE TABLE spj_lines (
        spj_id uuid NOT NULL REFERENCES spj(id),
        budget_line_id uuid NOT NULL REFERENCES budget_lines(id),
        amount numeric(20,2) NOT NULL CHECK (amount > 0),
        description text NOT NULL,
        PRIMARY KEY (spj_id, budget_line_id)
      )`);

    // The treasurer's cash book: one book per OPD and year with a balance per
    // sub-ledger; every entry carries the running balances after it. The
    // trigger keeps book and entries in step, the CHECKs keep both >= 0.
    await q.query(`
      CREATE TABLE bku_books (
        organization_id uuid NOT NULL REFERENCES organizations(id),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        cash numeric(20,2) NOT NULL DEFAULT 0,
        bank numeric(20,2) NOT NULL DEFAULT 0,
        tax numeric(20,2) NOT NULL DEFAULT 0,
        PRIMARY KEY (organization_id, fiscal_year),
        CONSTRAINT bku_balance_nonnegative CHECK (cash >= 0 AND bank >= 0 AND tax >= 0)
      )`);
    await q.query(`
      CREATE TABLE bku_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        organization_id uuid NOT NULL REFERENCES organizations(id),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        entry_date date NOT NULL DEFAULT current_date,
        sub_ledger text NOT NULL CHECK (sub_ledger IN ('CASH','BANK','TAX')),
        amount numeric(20,2) NOT NULL CHECK (amount <> 0),
        description text NOT NULL,
        source_type text NOT NULL,
        source_id text,
        sub_balance_after numeric(20,2) NOT NULL,
        balance_after numeric(20,2) NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bku_running_balance_nonnegative CHECK (sub_balance_after >= 0 AND balance_after >= 0)
      )`);
    await q.query(`CREATE INDEX bku_entries_book_idx ON bku_entries(organization_id, fiscal_year, seq)`);
    await q.query(`CREATE INDEX bku_entries_source_idx ON bku_entries(source_type, source_id)`);
    await q.query(`
      CREATE FUNCTION bku_entries_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE b bku_books;
      BEGIN
        INSERT INTO bku_books (organization_id, fiscal_year) VALUES (NEW.organization_id, NEW.fiscal_year) ON CONFLICT DO NOTHING;
        UPDATE bku_books SET
          cash = cash + CASE WHEN NEW.sub_ledger = 'CASH' THEN NEW.amount ELSE 0 END,
          bank = bank + CASE WHEN NEW.sub_ledger = 'BANK' THEN NEW.amount ELSE 0 END,
          tax = tax + CASE WHEN NEW.sub_ledger = 'TAX' THEN NEW.amount ELSE 0 END
        WHERE organization_id = NEW.organization_id AND fiscal_year = NEW.fiscal_year
        RETURNING * INTO b;
        NEW.sub_balance_after := CASE NEW.sub_ledger WHEN 'CASH' THEN b.cash WHEN 'BANK' THEN b.bank ELSE b.tax END;
        NEW.balance_after := b.cash + b.bank + b.tax;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER bku_entries_apply BEFORE INSERT ON bku_entries FOR EACH ROW EXECUTE FUNCTION bku_entries_apply()`);
    await q.query(`CREATE TRIGGER bku_entries_append_only BEFORE UPDATE OR DELETE ON bku_entries FOR EACH ROW EXECUTE FUNCTION grms_reject_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['bku_entries', 'bku_books', 'spj_lines', 'sp2d', 'spm', 'spp_taxes', 'spp_lines', 'spp', 'spj', 'spd_lines', 'spd', 'up_limits', 'tax_rates']) {
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS bku_entries_apply CASCADE`);
    for (const s of ['spd', 'spp', 'spm', 'sp2d', 'spj']) await q.query(`DROP SEQUENCE IF EXISTS ${s}_number_seq`);
  }
}
