import { MigrationInterface, QueryRunner } from 'typeorm';

// e-project planning (work packages on DPA lines, thresholds, plans) and
// e-delivery (vendors, contracts, termins, progress, handovers). Amounts are
// numeric(20,2); the database is the backstop for what the services check.
export class EDelivery1764301500000 implements MigrationInterface {
  name = 'EDelivery1764301500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE package_code_seq`);
    await q.query(`CREATE SEQUENCE rup_code_seq START 40000000`);

    // Direct-procurement ceilings per year and package type; a year without a
    // row uses the defaults of decision 0400.
    await q.query(`
      CREATE TABLE procurement_thresholds (
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        package_type text NOT NULL CHECK (package_type IN ('GOODS','CONSTRUCTION','CONSULTANCY','OTHER_SERVICES','INTEGRATED')),
        direct_max numeric(20,2) NOT NULL CHECK (direct_max >= 0),
        regulation text NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fiscal_year, package_type)
      )`);

    await q.query(`
      CREATE TABLE packages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        sub_activity_code text NOT NULL REFERENCES nomenclature(code),
        name text NOT NULL,
        description text,
        volume numeric(20,4),
        unit text,
        location jsonb NOT NULL,
        type text NOT NULL CHECK (type IN ('GOODS','CONSTRUCTION','CONSULTANCY','OTHER_SERVICES','INTEGRATED')),
        mode text NOT NULL CHECK (mode IN ('PROVIDER','SELF_MANAGED_I','SELF_MANAGED_II','SELF_MANAGED_III','SELF_MANAGED_IV','PROVIDER_IN_SELF_MANAGED')),
        method text NOT NULL CHECK (method IN ('E_PURCHASING','DIRECT_PROCUREMENT','DIRECT_APPOINTMENT','FAST_TENDER','TENDER','SELECTION','EXEMPT','SELF_MANAGED')),
        value numeric(20,2) NOT NULL CHECK (value > 0),
        domestic_product boolean NOT NULL DEFAULT true,
        small_business boolean NOT NULL DEFAULT false,
        multi_year boolean NOT NULL DEFAULT false,
        multi_year_ref text,
        procurement_start date NOT NULL,
        procurement_end date NOT NULL,
        execution_start date NOT NULL,
        execution_end date NOT NULL,
        use_start date,
        physical_plan numeric(5,2)[],
        financial_plan numeric(20,2)[],
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SUBMITTED','APPROVED','ANNOUNCED','IN_PROCUREMENT','CONTRACTED','COMPLETED','CANCELLED')),
        rup_code text UNIQUE,
        version integer NOT NULL DEFAULT 1,
        revision_reason text,
        cancel_reason text,
        created_by uuid NOT NULL REFERENCES users(id),
        approved_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT packages_schedule CHECK (procurement_start <= procurement_end AND execution_start <= execution_end AND procurement_start <= execution_start),
        CONSTRAINT packages_multi_year_ref CHECK (NOT multi_year OR multi_year_ref IS NOT NULL),
        CONSTRAINT packages_four_eyes CHECK (approved_by IS NULL OR approved_by <> created_by),
        CONSTRAINT packages_plan_lengths CHECK ((physical_plan IS NULL OR cardinality(physical_plan) = 12) AND (financial_plan IS NULL OR cardinality(financial_plan) = 12))
      )`);
    await q.query(`CREATE INDEX packages_org_idx ON packages(fiscal_year, organization_id, status)`);
    await q.query(`
      CREATE TABLE package_funding (
        package_id uuid NOT NULL REFERENCES packages(id),
        budget_line_id uuid NOT NULL REFERENCES budget_lines(id),
        amount numeric(20,2) NOT NULL CHECK (amount > 0),
        PRIMARY KEY (package_id, budget_line_id)
      )`);
    await q.query(`CREATE INDEX package_funding_line_idx ON package_funding(budget_line_id)`);
    await q.query(`
      CREATE TABLE package_versions (
        package_id uuid NOT NULL REFERENCES packages(id),
        version integer NOT NULL,
        snapshot jsonb NOT NULL,
        reason text,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (package_id, version)
      )`);

    await q.query(`
      CREATE TABLE vendors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('COMPANY','INDIVIDUAL','JOINT_OPERATION')),
        name text NOT NULL,
        npwp text NOT NULL UNIQUE CHECK (npwp ~ '^([0-9]{15}|[0-9]{16})$'),
        business_id text,
        vat_registered boolean NOT NULL DEFAULT false,
        qualification text NOT NULL CHECK (qualification IN ('SMALL','MEDIUM','LARGE')),
        certificates jsonb NOT NULL DEFAULT '[]',
        bank_accounts jsonb NOT NULL CHECK (jsonb_array_length(bank_accounts) > 0),
        blacklisted boolean NOT NULL DEFAULT false,
        blacklist_ref text,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT vendors_blacklist_ref CHECK (NOT blacklisted OR blacklist_ref IS NOT NULL)
      )`);

    await q.query(`
      CREATE TABLE contracts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        package_id uuid NOT NULL REFERENCES packages(id),
        vendor_id uuid NOT NULL REFERENCES vendors(id),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        signed_on date NOT NULL,
        document_type text NOT NULL CHECK (document_type IN ('RECEIPT','SPK','AGREEMENT','E_PURCHASING_ORDER')),
        contract_type text NOT NULL CHECK (contract_type IN ('LUMP_SUM','UNIT_PRICE','COMBINED')),
        original_value numeric(20,2) NOT NULL CHECK (original_value > 0),
        value numeric(20,2) NOT NULL CHECK (value > 0),
        dpp numeric(20,2) NOT NULL CHECK (dpp > 0 AND dpp <= value),
        start_order_date date,
        start_date date NOT NULL,
        end_date date NOT NULL,
        maintenance_days integer NOT NULL DEFAULT 0 CHECK (maintenance_days >= 0),
        advance_amount numeric(20,2) NOT NULL DEFAULT 0 CHECK (advance_amount >= 0),
        performance_bond numeric(20,2) NOT NULL DEFAULT 0 CHECK (performance_bond >= 0),
        retention_percent numeric(5,2) NOT NULL CHECK (retention_percent >= 0 AND retention_percent <= 100),
        maintenance_bond boolean NOT NULL DEFAULT false,
        bank_name text NOT NULL,
        bank_account text NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SIGNED','HANDED_OVER','COMPLETED','TERMINATED','CLOSED')),
        pho_date date,
        fho_date date,
        created_by uuid NOT NULL REFERENCES users(id),
        signed_by uuid REFERENCES users(id),
        signed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT contracts_dates CHECK (start_date <= end_date),
        CONSTRAINT contracts_four_eyes CHECK (signed_by IS NULL OR signed_by <> created_by),
        CONSTRAINT contracts_advance_within_value CHECK (advance_amount <= value)
      )`);
    await q.query(`CREATE INDEX contracts_org_idx ON contracts(fiscal_year, organization_id, status)`);
    await q.query(`CREATE INDEX contracts_package_idx ON contracts(package_id)`);
    // committed: what the contract holds as COMMITMENT on the line now
    // (raised by signing and addenda, lowered by SP2Ds and closing).
    await q.query(`
      CREATE TABLE contract_funding (
        contract_id uuid NOT NULL REFERENCES contracts(id),
        budget_line_id uuid NOT NULL REFERENCES budget_lines(id),
        amount numeric(20,2) NOT NULL CHECK (amount > 0),
        committed numeric(20,2) NOT NULL DEFAULT 0 CHECK (committed >= 0),
        PRIMARY KEY (contract_id, budget_line_id)
      )`);
    await q.query(`CREATE INDEX contract_funding_line_idx ON contract_funding(budget_line_id)`);
    // Payable = amount - advance_recovery - retention_held (- penalty, set at payment).
    await q.query(`
      CREATE TABLE contract_termins (
        contract_id uuid NOT NULL REFERENCES contracts(id),
        termin_no integer NOT NULL CHECK (termin_no > 0),
        kind text NOT NULL CHECK (kind IN ('ADVANCE','PROGRESS','MONTHLY','RETENTION')),
        percent numeric(7,4),
        amount numeric(20,2) NOT NULL CHECK (amount >= 0),
        progress_threshold numeric(5,2) NOT NULL DEFAULT 0 CHECK (progress_threshold BETWEEN 0 AND 100),
        advance_recovery numeric(20,2) NOT NULL DEFAULT 0 CHECK (advance_recovery >= 0),
        retention_held numeric(20,2) NOT NULL DEFAULT 0 CHECK (retention_held >= 0),
        penalty numeric(20,2) NOT NULL DEFAULT 0 CHECK (penalty >= 0),
        paid_sp2d_id uuid,
        PRIMARY KEY (contract_id, termin_no),
        CONSTRAINT termin_payable_nonnegative CHECK (amount - advance_recovery - retention_held - penalty >= 0)
      )`);
    await q.query(`
      CREATE TABLE contract_addenda (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES contracts(id),
        addendum_no integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('VALUE','TIME','VALUE_AND_TIME','TERMINATION')),
        value_before numeric(20,2) NOT NULL,
        value_after numeric(20,2) NOT NULL CHECK (value_after >= 0),
        end_date_before date NOT NULL,
        end_date_after date NOT NULL,
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','APPROVED')),
        created_by uuid NOT NULL REFERENCES users(id),
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (contract_id, addendum_no),
        CONSTRAINT addenda_four_eyes CHECK (approved_by IS NULL OR approved_by <> created_by)
      )`);
    await q.query(`
      CREATE TABLE progress_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES contracts(id),
        reported_on date NOT NULL,
        cumulative_percent numeric(5,2) NOT NULL CHECK (cumulative_percent >= 0 AND cumulative_percent <= 100),
        note text,
        evidence jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED','VERIFIED','REJECTED')),
        reject_reason text,
        created_by uuid NOT NULL REFERENCES users(id),
        verified_by uuid REFERENCES users(id),
        verified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT progress_four_eyes CHECK (verified_by IS NULL OR verified_by <> created_by)
      )`);
    await q.query(`CREATE INDEX progress_contract_idx ON progress_reports(contract_id, reported_on)`);
    await q.query(`
      CREATE TABLE handovers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES contracts(id),
        kind text NOT NULL CHECK (kind IN ('PHO','FHO')),
        handover_date date NOT NULL,
        number text,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (contract_id, kind)
      )`);
    // A contract SPP names a termin of a contract: referential integrity now that contracts exist.
    await q.query(`ALTER TABLE spp ADD CONSTRAINT spp_contract_fk FOREIGN KEY (contract_id) REFERENCES contracts(id) NOT VALID`);
    // At most one live (not rejected) SPP per termin.
    await q.query(`CREATE UNIQUE INDEX spp_one_live_per_termin ON spp(contract_id, termin_no) WHERE contract_id IS NOT NULL AND status <> 'REJECTED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX spp_one_live_per_termin`);
    await q.query(`ALTER TABLE spp DROP CONSTRAINT spp_contract_fk`);
    for (const t of ['handovers', 'progress_reports', 'contract_addenda', 'contract_termins', 'contract_funding', 'contracts', 'vendors', 'package_versions', 'package_funding', 'packages', 'procurement_thresholds']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP SEQUENCE rup_code_seq`);
    await q.query(`DROP SEQUENCE package_code_seq`);
  }
}
