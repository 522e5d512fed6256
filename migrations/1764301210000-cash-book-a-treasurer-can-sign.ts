import { MigrationInterface, QueryRunner } from 'typeorm';

// A cash book a treasurer can sign (docs/decisions/0222-0224): entry numbers
// 1..N per book, the document number and tax type on each entry; receipts
// (bukti) of advance spending; tax deposits with billing code and NTPN; the
// month-end cash count (kas opname); gapless document numbers per OPD,
// document type and fiscal year.
export class CashBookATreasurerCanSign1764301210000 implements MigrationInterface {
  name = 'CashBookATreasurerCanSign1764301210000';

  async up(q: QueryRunner): Promise<void> {
    // BKU: numbered per book by the trigger, under the book's row lock.
    await q.query(`ALTER TABLE bku_books ADD COLUMN last_no integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE bku_entries ADD COLUMN entry_no integer, ADD COLUMN tax_code text, ADD COLUMN document_number text`);
    await q.query(`ALTER TABLE bku_entries DISABLE TRIGGER bku_entries_append_only`);
    await q.query(`
      UPDATE bku_entries e SET entry_no = n.no FROM (
        SELECT id, row_number() OVER (PARTITION BY organization_id, fiscal_year ORDER BY seq)::int AS no FROM bku_entries) n WHERE n.id = e.id`);
    await q.query(`UPDATE bku_entries e SET document_number = d.number FROM sp2d d WHERE e.source_id = d.id::text AND e.source_type IN ('Sp2d', 'Sp2dCancellation')`);
    await q.query(`UPDATE bku_entries e SET document_number = j.number FROM spj j WHERE e.source_id = j.id::text AND e.source_type = 'Spj'`);
    await q.query(`ALTER TABLE bku_entries ENABLE TRIGGER bku_entries_append_only`);
    await q.query(`UPDATE bku_books b SET last_no = COALESCE((SELECT max(entry_no) FROM bku_entries e WHERE e.organization_id = b.organization_id AND e.fiscal_year = b.fiscal_year), 0)`);
    await q.query(`ALTER TABLE bku_entries ALTER COLUMN entry_no SET NOT NULL, ADD CONSTRAINT bku_entry_no_unique UNIQUE (organization_id, fiscal_year, entry_no),
      ADD CONSTRAINT bku_tax_code_on_tax CHECK (tax_code IS NULL OR sub_ledger = 'TAX')`);
    await q.query(`
      CREATE OR REPLACE FUNCTION bku_entries_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE b bku_books;
      BEGIN
        INSERT INTO bku_books (organization_id, fiscal_year) VALUES (NEW.organization_id, NEW.fiscal_year) ON CONFLICT DO NOTHING;
        UPDATE bku_books SET
          cash = cash + CASE WHEN NEW.sub_ledger = 'CASH' THEN NEW.amount ELSE 0 END,
          bank = bank + CASE WHEN NEW.sub_ledger = 'BANK' THEN NEW.amount ELSE 0 END,
          tax = tax + CASE WHEN NEW.sub_ledger = 'TAX' THEN NEW.amount ELSE 0 END,
          last_no = last_no + 1
        WHERE organization_id = NEW.organization_id AND fiscal_year = NEW.fiscal_year
        RETURNING * INTO b;
        NEW.entry_no := b.last_no;
        NEW.sub_balance_after := CASE NEW.sub_ledger WHEN 'CASH' THEN b.cash WHEN 'BANK' THEN b.bank ELSE b.tax END;
        NEW.balance_after := b.cash + b.bank + b.tax;
        RETURN NEW;
      END $$`);

    // Gapless numbers: one counter row per OPD, document type and year, locked by the creating transaction.
    await q.query(`
      CREATE TABLE document_counters (
        organization_id uuid NOT NULL REFERENCES organizations(id),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        doc_type text NOT NULL,
        last_no integer NOT NULL CHECK (last_no >= 0),
        PRIMARY KEY (organization_id, fiscal_year, doc_type)
      )`);

    await q.query(`
      CREATE TABLE receipts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL CHECK (length(btrim(number)) > 0),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        advance_sp2d_id uuid NOT NULL REFERENCES sp2d(id),
        receipt_date date NOT NULL,
        payee_name text NOT NULL,
        payee_npwp text CHECK (payee_npwp ~ '^([0-9]{15}|[0-9]{16})$'),
        payee_vat_registered boolean NOT NULL DEFAULT false,
        budget_line_id uuid NOT NULL REFERENCES budget_lines(id),
        gross numeric(20,2) NOT NULL CHECK (gross > 0),
        dpp numeric(20,2) NOT NULL CHECK (dpp >= 0 AND dpp <= gross),
        taxes_total numeric(20,2) NOT NULL CHECK (taxes_total >= 0),
        net numeric(20,2) NOT NULL CHECK (net >= 0),
        medium text NOT NULL CHECK (medium IN ('CASH','BANK')),
        description text NOT NULL,
        status text NOT NULL DEFAULT 'RECORDED' CHECK (status IN ('RECORDED','IN_SPJ','REALISED')),
        spj_id uuid REFERENCES spj(id),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, fiscal_year, number),
        CONSTRAINT receipt_net_is_gross_minus_taxes CHECK (net = gross - taxes_total),
        CONSTRAINT receipt_spj_state CHECK ((status = 'RECORDED') = (spj_id IS NULL))
      )`);
    await q.query(`CREATE INDEX receipts_advance_idx ON receipts(advance_sp2d_id, status)`);
    await q.query(`CREATE INDEX receipts_spj_idx ON receipts(spj_id)`);
    await q.query(`
      CREATE TABLE receipt_taxes (
        receipt_id uuid NOT NULL REFERENCES receipts(id),
        code text NOT NULL,
        name text NOT NULL,
        base text NOT NULL CHECK (base IN ('DPP','GROSS','HALF_GROSS')),
        base_amount numeric(20,2) NOT NULL CHECK (base_amount >= 0),
        rate numeric(7,4) NOT NULL,
        surcharge numeric(7,4) NOT NULL DEFAULT 0,
        amount numeric(20,2) NOT NULL CHECK (amount >= 0 AND amount = round(amount)),
        note text,
        PRIMARY KEY (receipt_id, code)
      )`);

    await q.query(`
      CREATE TABLE tax_deposits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        tax_code text NOT NULL,
        amount numeric(20,2) NOT NULL CHECK (amount > 0),
        deposited_on date NOT NULL,
        billing_code text CHECK (billing_code ~ '^[0-9]{15}$'),
        ntpn text CHECK (ntpn ~ '^[0-9A-Z]{16}$'),
        source_type text NOT NULL CHECK (source_type IN ('Sp2d','Treasurer')),
        source_id uuid,
        document_number text,
        cancelled_at timestamptz,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX tax_deposits_ntpn_unique ON tax_deposits(ntpn) WHERE ntpn IS NOT NULL`);
    await q.query(`CREATE INDEX tax_deposits_org_idx ON tax_deposits(organization_id, fiscal_year, deposited_on)`);

    await q.query(`
      CREATE TABLE cash_counts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        counted_on date NOT NULL,
        cash_counted numeric(20,2) NOT NULL CHECK (cash_counted >= 0),
        bank_statement numeric(20,2) NOT NULL CHECK (bank_statement >= 0),
        book_cash numeric(20,2) NOT NULL,
        book_bank numeric(20,2) NOT NULL,
        book_tax numeric(20,2) NOT NULL,
        cash_difference numeric(20,2) GENERATED ALWAYS AS (cash_counted - book_cash) STORED,
        bank_difference numeric(20,2) GENERATED ALWAYS AS (bank_statement - book_bank) STORED,
        notes text,
        counted_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, counted_on)
      )`);
    for (const t of ['receipt_taxes', 'cash_counts']) {
      await q.query(`CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION grms_reject_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['cash_counts', 'tax_deposits', 'receipt_taxes', 'receipts', 'document_counters']) await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    await q.query(`ALTER TABLE bku_entries DROP CONSTRAINT bku_tax_code_on_tax, DROP CONSTRAINT bku_entry_no_unique, DROP COLUMN entry_no, DROP COLUMN tax_code, DROP COLUMN document_number`);
    await q.query(`ALTER TABLE bku_books DROP COLUMN last_no`);
  }
}
