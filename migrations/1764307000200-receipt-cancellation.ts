import { MigrationInterface, QueryRunner } from 'typeorm';

// A receipt (bukti) recorded by mistake could not be undone: it kept its BKU
// entries and counted against its advance for good, a dead end for the
// treasurer. A RECORDED receipt (no SPJ gathers it) may now be CANCELLED with
// a reason: its BKU entries are reversed and it no longer counts against the
// advance; it keeps its number.
export class ReceiptCancellation1764307000200 implements MigrationInterface {
  name = 'ReceiptCancellation1764307000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE receipts
      DROP CONSTRAINT receipts_status_check, DROP CONSTRAINT receipt_spj_state,
      ADD CONSTRAINT receipts_status_check CHECK (status IN ('RECORDED','IN_SPJ','REALISED','CANCELLED')),
      ADD CONSTRAINT receipt_spj_state CHECK ((status IN ('RECORDED','CANCELLED')) = (spj_id IS NULL)),
      ADD COLUMN cancelled_by uuid REFERENCES users(id),
      ADD COLUMN cancelled_at timestamptz,
      ADD COLUMN cancel_reason text,
      ADD CONSTRAINT receipt_cancellation CHECK ((status = 'CANCELLED') = (cancelled_by IS NOT NULL AND cancelled_at IS NOT NULL AND length(btrim(cancel_reason)) > 0))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE receipts DROP CONSTRAINT receipt_cancellation, DROP COLUMN cancel_reason, DROP COLUMN cancelled_at, DROP COLUMN cancelled_by,
      DROP CONSTRAINT receipt_spj_state, DROP CONSTRAINT receipts_status_check`);
    await q.query(`UPDATE receipts SET status = 'RECORDED' WHERE status = 'CANCELLED'`);
    await q.query(`ALTER TABLE receipts ADD CONSTRAINT receipts_status_check CHECK (status IN ('RECORDED','IN_SPJ','REALISED')),
      ADD CONSTRAINT receipt_spj_state CHECK ((status = 'RECORDED') = (spj_id IS NULL))`);
  }
}
