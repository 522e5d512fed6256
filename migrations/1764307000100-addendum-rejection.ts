import { MigrationInterface, QueryRunner } from 'typeorm';

// A proposed addendum could only be approved: a signer who disagreed had no
// way to refuse it, and while it waited no other addendum could be proposed
// (ADDENDUM_PENDING), a dead end. It may now be REJECTED with a reason, by a
// contract signer of the OPD (its proposer too, who withdraws it); a rejected
// addendum changes nothing and frees the contract for a new proposal.
export class AddendumRejection1764307000100 implements MigrationInterface {
  name = 'AddendumRejection1764307000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contract_addenda DROP CONSTRAINT contract_addenda_status_check`);
    await q.query(`ALTER TABLE contract_addenda
      ADD CONSTRAINT contract_addenda_status_check CHECK (status IN ('DRAFT','APPROVED','REJECTED')),
      ADD COLUMN rejected_by uuid REFERENCES users(id),
      ADD COLUMN rejected_at timestamptz,
      ADD COLUMN reject_reason text,
      ADD CONSTRAINT contract_addenda_rejection CHECK ((status = 'REJECTED') = (rejected_by IS NOT NULL AND rejected_at IS NOT NULL AND length(btrim(reject_reason)) > 0))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM contract_addenda WHERE status = 'REJECTED'`);
    await q.query(`ALTER TABLE contract_addenda DROP CONSTRAINT contract_addenda_rejection, DROP COLUMN reject_reason, DROP COLUMN rejected_at, DROP COLUMN rejected_by,
      DROP CONSTRAINT contract_addenda_status_check`);
    await q.query(`ALTER TABLE contract_addenda ADD CONSTRAINT contract_addenda_status_check CHECK (status IN ('DRAFT','APPROVED'))`);
  }
}
