import { MigrationInterface, QueryRunner } from 'typeorm';

// A contract drafted by mistake (wrong vendor, value or terms) could not be
// withdrawn: it stayed a DRAFT in the register for good. A DRAFT contract may
// now be CANCELLED with a reason by the OPD's project officer; it was never
// signed, so it committed nothing. It keeps its number, and e-controlling's
// view of contracts leaves it out as it leaves out drafts.
export class ContractDraftCancellation1764307000300 implements MigrationInterface {
  name = 'ContractDraftCancellation1764307000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contracts
      DROP CONSTRAINT contracts_status_check,
      ADD CONSTRAINT contracts_status_check CHECK (status IN ('DRAFT','SIGNED','HANDED_OVER','COMPLETED','TERMINATED','CLOSED','CANCELLED')),
      ADD COLUMN cancelled_by uuid REFERENCES users(id),
      ADD COLUMN cancelled_at timestamptz,
      ADD COLUMN cancel_reason text,
      ADD CONSTRAINT contract_cancellation CHECK ((status = 'CANCELLED') = (cancelled_by IS NOT NULL AND cancelled_at IS NOT NULL AND length(btrim(cancel_reason)) > 0))`);
    await q.query(VIEW(`'DRAFT','TERMINATED','CANCELLED'`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(VIEW(`'DRAFT','TERMINATED'`));
    await q.query(`UPDATE contracts SET status = 'DRAFT' WHERE status = 'CANCELLED'`);
    await q.query(`ALTER TABLE contracts DROP CONSTRAINT contract_cancellation, DROP COLUMN cancel_reason, DROP COLUMN cancelled_at, DROP COLUMN cancelled_by,
      DROP CONSTRAINT contracts_status_check,
      ADD CONSTRAINT contracts_status_check CHECK (status IN ('DRAFT','SIGNED','HANDED_OVER','COMPLETED','TERMINATED','CLOSED'))`);
  }
}

const VIEW = (excluded: string) => `
      CREATE OR REPLACE VIEW delivery_contracts_v AS
      SELECT c.id, c.number, c.package_id, c.fiscal_year, c.organization_id, c.status, c.value, c.signed_on, c.start_date, c.end_date,
        v.name AS vendor_name, u.full_name AS officer_name
      FROM contracts c JOIN vendors v ON v.id = c.vendor_id JOIN users u ON u.id = c.created_by
      WHERE c.status NOT IN (${excluded})`;
