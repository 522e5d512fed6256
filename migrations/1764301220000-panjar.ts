import { MigrationInterface, QueryRunner } from 'typeorm';

// Advances to activity officers (panjar, docs/decisions/0224): a fourth
// sub-ledger of the BKU, PANJAR, whose entries name the officer holding the
// money. Giving a panjar moves cash into it; the officer's receipts spend
// from it; what is left comes back to cash. Never negative, per book.
export class Panjar1764301220000 implements MigrationInterface {
  name = 'Panjar1764301220000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bku_books ADD COLUMN panjar numeric(20,2) NOT NULL DEFAULT 0,
      DROP CONSTRAINT bku_balance_nonnegative, ADD CONSTRAINT bku_balance_nonnegative CHECK (cash >= 0 AND bank >= 0 AND tax >= 0 AND panjar >= 0)`);
    await q.query(`ALTER TABLE bku_entries ADD COLUMN officer text,
      DROP CONSTRAINT bku_entries_sub_ledger_check, ADD CONSTRAINT bku_entries_sub_ledger_check CHECK (sub_ledger IN ('CASH','BANK','TAX','PANJAR')),
      ADD CONSTRAINT bku_panjar_names_officer CHECK ((sub_ledger = 'PANJAR') = (officer IS NOT NULL))`);
    await q.query(`ALTER TABLE receipts ADD COLUMN officer text,
      DROP CONSTRAINT receipts_medium_check, ADD CONSTRAINT receipts_medium_check CHECK (medium IN ('CASH','BANK','PANJAR')),
      ADD CONSTRAINT receipts_panjar_names_officer CHECK ((medium = 'PANJAR') = (officer IS NOT NULL))`);
    await q.query(`
      CREATE OR REPLACE FUNCTION bku_entries_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE b bku_books;
      BEGIN
        INSERT INTO bku_books (organization_id, fiscal_year) VALUES (NEW.organization_id, NEW.fiscal_year) ON CONFLICT DO NOTHING;
        UPDATE bku_books SET
          cash = cash + CASE WHEN NEW.sub_ledger = 'CASH' THEN NEW.amount ELSE 0 END,
          bank = bank + CASE WHEN NEW.sub_ledger = 'BANK' THEN NEW.amount ELSE 0 END,
          tax = tax + CASE WHEN NEW.sub_ledger = 'TAX' THEN NEW.amount ELSE 0 END,
          panjar = panjar + CASE WHEN NEW.sub_ledger = 'PANJAR' THEN NEW.amount ELSE 0 END,
          last_no = last_no + 1
        WHERE organization_id = NEW.organization_id AND fiscal_year = NEW.fiscal_year
        RETURNING * INTO b;
        NEW.entry_no := b.last_no;
        NEW.sub_balance_after := CASE NEW.sub_ledger WHEN 'CASH' THEN b.cash WHEN 'BANK' THEN b.bank WHEN 'PANJAR' THEN b.panjar ELSE b.tax END;
        NEW.balance_after := b.cash + b.bank + b.tax + b.panjar;
        RETURN NEW;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE receipts DROP CONSTRAINT receipts_panjar_names_officer, DROP COLUMN officer`);
    await q.query(`ALTER TABLE bku_entries DROP CONSTRAINT bku_panjar_names_officer, DROP COLUMN officer`);
    await q.query(`ALTER TABLE bku_books DROP COLUMN panjar`);
  }
}
