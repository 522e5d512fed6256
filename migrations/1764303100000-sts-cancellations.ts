import { MigrationInterface, QueryRunner } from 'typeorm';

// A deposit slip (STS) recorded by mistake is undone by its revenue treasurer
// (decision 0140): cancelled on its own deposit date while that month is
// open, or corrected on the day of the correction (a closed month stays as
// it was closed). One row per undone STS, append-only; the ledger, the
// revenue treasurer's book and the treasury's cash days carry the reversal.
// The database keeps the rules too: a cancellation is dated on the deposit
// date, a correction not before it; a book entry reverses one entry once,
// with the opposite amount, of the same STS.
export class StsCancellations1764303100000 implements MigrationInterface {
  name = 'StsCancellations1764303100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sts_cancellations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sts_id uuid NOT NULL UNIQUE REFERENCES sts(id),
        kind text NOT NULL CHECK (kind IN ('CANCELLATION', 'CORRECTION')),
        value_date date NOT NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE TRIGGER sts_cancellations_append_only BEFORE UPDATE OR DELETE ON sts_cancellations FOR EACH ROW EXECUTE FUNCTION grms_reject_change()`);
    await q.query(`CREATE TRIGGER sts_cancellations_no_truncate BEFORE TRUNCATE ON sts_cancellations FOR EACH STATEMENT EXECUTE FUNCTION grms_reject_change()`);
    await q.query(`
      CREATE FUNCTION sts_cancellation_dated() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE d date; y integer;
      BEGIN
        SELECT deposit_date, fiscal_year INTO d, y FROM sts WHERE id = NEW.sts_id;
        IF (NEW.kind = 'CANCELLATION' AND NEW.value_date <> d) OR (NEW.kind = 'CORRECTION' AND (NEW.value_date < d OR extract(year FROM NEW.value_date)::int <> y)) THEN
          RAISE EXCEPTION 'a % of STS % (deposited %) cannot be dated %', lower(NEW.kind), NEW.sts_id, d, NEW.value_date
            USING ERRCODE = '23514', CONSTRAINT = 'sts_cancellation_dated';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER sts_cancellations_dated BEFORE INSERT ON sts_cancellations FOR EACH ROW EXECUTE FUNCTION sts_cancellation_dated()`);

    await q.query(`ALTER TABLE revenue_book_entries ADD COLUMN reverses_entry_id uuid REFERENCES revenue_book_entries(id)`);
    await q.query(`CREATE UNIQUE INDEX revenue_book_entries_reversed_once ON revenue_book_entries (reverses_entry_id) WHERE reverses_entry_id IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION revenue_book_reversal_exact() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE o revenue_book_entries%ROWTYPE;
      BEGIN
        SELECT * INTO o FROM revenue_book_entries WHERE id = NEW.reverses_entry_id;
        IF o.amount <> -NEW.amount OR o.sts_id <> NEW.sts_id OR o.organization_id <> NEW.organization_id THEN
          RAISE EXCEPTION 'book entry % must reverse % of STS % exactly', NEW.id, o.amount, o.sts_id
            USING ERRCODE = '23514', CONSTRAINT = 'revenue_book_reversal_exact';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER revenue_book_entries_reversal_exact BEFORE INSERT ON revenue_book_entries FOR EACH ROW
      WHEN (NEW.reverses_entry_id IS NOT NULL) EXECUTE FUNCTION revenue_book_reversal_exact()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER revenue_book_entries_reversal_exact ON revenue_book_entries`);
    await q.query(`DROP FUNCTION revenue_book_reversal_exact()`);
    await q.query(`DROP INDEX revenue_book_entries_reversed_once`);
    await q.query(`ALTER TABLE revenue_book_entries DROP COLUMN reverses_entry_id`);
    await q.query(`DROP TABLE sts_cancellations`);
    await q.query(`DROP FUNCTION sts_cancellation_dated()`);
  }
}
