import { MigrationInterface, QueryRunner } from 'typeorm';

// Revenue (4.*) and financing (6.*) next to expenditure (issue 8, sections 2
// and 3; docs/decisions/0120):
// - two ledger kinds, ESTIMATE (the budgeted revenue target, financing
//   receipt or expenditure) and REALIZATION (revenue deposited by STS,
//   financing realised), with their balance columns on budget_lines; the
//   expenditure kinds stay on 5.* lines only and the new ones on 4.*/6.*
//   lines only (a CHECK on the balances, a trigger on the entries);
// - a budget document has a kind (EXPENDITURE, REVENUE, FINANCING): one chain
//   per sub kegiatan and kind, and its items carry accounts of its class only;
// - deposit slips (sts), the revenue treasurer's cash book, financing
//   realisations, and the per-year switch of the treasury cash check.
export class RevenueAndFinancing1764302000000 implements MigrationInterface {
  name = 'RevenueAndFinancing1764302000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check`);
    await q.query(`ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check
      CHECK (kind IN ('APPROPRIATION','ALLOTMENT','COMMITMENT','DISBURSEMENT','ESTIMATE','REALIZATION'))`);
    await q.query(`ALTER TABLE budget_lines ADD COLUMN estimated numeric(20,2) NOT NULL DEFAULT 0, ADD COLUMN realized numeric(20,2) NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE budget_lines
      ADD CONSTRAINT budget_line_estimated_nonnegative CHECK (estimated >= 0),
      ADD CONSTRAINT budget_line_realized_nonnegative CHECK (realized >= 0),
      ADD CONSTRAINT budget_line_financing_expenditure_within_estimate CHECK (account_code NOT LIKE '6.2.%' OR realized <= estimated),
      ADD CONSTRAINT budget_line_balances_of_its_class CHECK (CASE WHEN account_code LIKE '5.%'
        THEN estimated = 0 AND realized = 0
        ELSE appropriated = 0 AND allotted = 0 AND committed = 0 AND disbursed = 0 END)`);
    // An entry of the wrong kind for its line's class never lands.
    await q.query(`
      CREATE FUNCTION ledger_entries_kind_of_class() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE acc text;
      BEGIN
        SELECT account_code INTO acc FROM budget_lines WHERE id = NEW.budget_line_id;
        IF (acc LIKE '5.%') <> (NEW.kind IN ('APPROPRIATION','ALLOTMENT','COMMITMENT','DISBURSEMENT')) THEN
          RAISE EXCEPTION 'a % entry does not fit budget line % (account %)', NEW.kind, NEW.budget_line_id, acc
            USING ERRCODE = '23514', CONSTRAINT = 'ledger_entry_kind_of_class';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER ledger_entries_kind_of_class BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_entries_kind_of_class()`);

    // Budget documents by kind: one chain per OPD, sub kegiatan and kind.
    await q.query(`ALTER TABLE budget_documents ADD COLUMN kind text NOT NULL DEFAULT 'EXPENDITURE' CHECK (kind IN ('EXPENDITURE','REVENUE','FINANCING'))`);
    await q.query(`DROP INDEX budget_documents_revision_uq`);
    await q.query(`CREATE UNIQUE INDEX budget_documents_revision_uq ON budget_documents (fiscal_year, organization_id, sub_activity_code, kind, revision) WHERE status <> 'DELETED'`);
    await q.query(`DROP INDEX budget_documents_open_uq`);
    await q.query(`DROP INDEX budget_documents_approved_uq`);
    await q.query(`CREATE UNIQUE INDEX budget_documents_open_uq ON budget_documents (fiscal_year, organization_id, sub_activity_code, kind) WHERE status IN ('DRAFT','SUBMITTED')`);
    await q.query(`CREATE UNIQUE INDEX budget_documents_approved_uq ON budget_documents (fiscal_year, organization_id, sub_activity_code, kind) WHERE status = 'APPROVED'`);
    await q.query(`
      CREATE FUNCTION budget_item_account_of_kind() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE k text; akun text;
      BEGIN
        SELECT kind INTO k FROM budget_documents WHERE id = NEW.document_id;
        akun := CASE k WHEN 'REVENUE' THEN '4.' WHEN 'FINANCING' THEN '6.' ELSE '5.' END;
        IF left(NEW.account_code, 2) <> akun THEN
          RAISE EXCEPTION 'account % does not belong on a % budget document', NEW.account_code, k
            USING ERRCODE = '23514', CONSTRAINT = 'budget_item_account_of_kind';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER budget_document_items_account_of_kind BEFORE INSERT OR UPDATE OF document_id, account_code
      ON budget_document_items FOR EACH ROW EXECUTE FUNCTION budget_item_account_of_kind()`);

    // Deposit slips (STS): revenue into the regional treasury.
    await q.query(`
      CREATE TABLE sts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        budget_line_id uuid NOT NULL REFERENCES budget_lines(id),
        account_code text NOT NULL REFERENCES accounts(code) CHECK (account_code LIKE '4.%'),
        received_on date NOT NULL,
        deposit_date date NOT NULL,
        amount numeric(20,2) NOT NULL CHECK (amount > 0),
        payer text NOT NULL CHECK (length(btrim(payer)) > 0),
        description text NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (received_on <= deposit_date),
        CHECK (extract(year FROM deposit_date)::int = fiscal_year)
      )`);
    await q.query(`CREATE INDEX sts_org_idx ON sts (fiscal_year, organization_id, deposit_date)`);
    await q.query(`CREATE TRIGGER sts_append_only BEFORE UPDATE OR DELETE ON sts FOR EACH ROW EXECUTE FUNCTION grms_reject_change()`);
    await q.query(`CREATE TRIGGER sts_no_truncate BEFORE TRUNCATE ON sts FOR EACH STATEMENT EXECUTE FUNCTION grms_reject_change()`);

    // The revenue treasurer's cash book (BKU penerimaan): money received, then deposited.
    await q.query(`
      CREATE TABLE revenue_book_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        seq integer NOT NULL,
        entry_date date NOT NULL,
        amount numeric(20,2) NOT NULL CHECK (amount <> 0),
        balance numeric(20,2) NOT NULL CHECK (balance >= 0),
        description text NOT NULL,
        sts_id uuid NOT NULL REFERENCES sts(id),
        document_number text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, fiscal_year, seq)
      )`);
    await q.query(`CREATE TRIGGER revenue_book_entries_append_only BEFORE UPDATE OR DELETE ON revenue_book_entries FOR EACH ROW EXECUTE FUNCTION grms_reject_change()`);
    await q.query(`CREATE TRIGGER revenue_book_entries_no_truncate BEFORE TRUNCATE ON revenue_book_entries FOR EACH STATEMENT EXECUTE FUNCTION grms_reject_change()`);

    // Financing realised by the regional treasurer (BUD): SiLPA recognised, loans received or repaid.
    await q.query(`
      CREATE TABLE financing_realizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        budget_line_id uuid NOT NULL REFERENCES budget_lines(id),
        realized_on date NOT NULL,
        amount numeric(20,2) NOT NULL CHECK (amount > 0),
        description text NOT NULL CHECK (length(btrim(description)) > 0),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (extract(year FROM realized_on)::int = fiscal_year)
      )`);
    await q.query(`CREATE TRIGGER financing_realizations_append_only BEFORE UPDATE OR DELETE ON financing_realizations FOR EACH ROW EXECUTE FUNCTION grms_reject_change()`);
    await q.query(`CREATE TRIGGER financing_realizations_no_truncate BEFORE TRUNCATE ON financing_realizations FOR EACH STATEMENT EXECUTE FUNCTION grms_reject_change()`);

    // The treasury cash check per fiscal year (on unless a row turns it off).
    await q.query(`
      CREATE TABLE treasury_settings (
        fiscal_year integer PRIMARY KEY REFERENCES fiscal_years(year),
        cash_check boolean NOT NULL DEFAULT true,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ledger_entries_kind_date_idx ON ledger_entries (kind, value_date) WHERE kind = 'REALIZATION'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['treasury_settings', 'financing_realizations', 'revenue_book_entries', 'sts']) await q.query(`DROP TABLE ${t}`);
    await q.query(`DROP INDEX ledger_entries_kind_date_idx`);
    await q.query(`DROP TRIGGER budget_document_items_account_of_kind ON budget_document_items`);
    await q.query(`DROP FUNCTION budget_item_account_of_kind()`);
    await q.query(`DROP INDEX budget_documents_open_uq`);
    await q.query(`DROP INDEX budget_documents_approved_uq`);
    await q.query(`DROP INDEX budget_documents_revision_uq`);
    await q.query(`ALTER TABLE budget_documents DROP COLUMN kind`);
    await q.query(`CREATE UNIQUE INDEX budget_documents_revision_uq ON budget_documents (fiscal_year, organization_id, sub_activity_code, revision) WHERE status <> 'DELETED'`);
    await q.query(`CREATE UNIQUE INDEX budget_documents_open_uq ON budget_documents (fiscal_year, organization_id, sub_activity_code) WHERE status IN ('DRAFT','SUBMITTED')`);
    await q.query(`CREATE UNIQUE INDEX budget_documents_approved_uq ON budget_documents (fiscal_year, organization_id, sub_activity_code) WHERE status = 'APPROVED'`);
    await q.query(`DROP TRIGGER ledger_entries_kind_of_class ON ledger_entries`);
    await q.query(`DROP FUNCTION ledger_entries_kind_of_class()`);
    await q.query(`ALTER TABLE budget_lines DROP COLUMN estimated, DROP COLUMN realized`);
    await q.query(`ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check`);
    await q.query(`ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check CHECK (kind IN ('APPROPRIATION','ALLOTMENT','COMMITMENT','DISBURSEMENT'))`);
  }
}
