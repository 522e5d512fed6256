import { MigrationInterface, QueryRunner } from 'typeorm';

// A paid termin keeps the number of the SP2D that paid it, for the contract
// register and card (e-delivery does not read e-penatausahaan's tables).
export class TerminSp2dNumber1764301500100 implements MigrationInterface {
  name = 'TerminSp2dNumber1764301500100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contract_termins ADD COLUMN paid_sp2d_number text`);
    await q.query(`ALTER TABLE contract_termins ADD CONSTRAINT termin_paid_complete CHECK ((paid_sp2d_id IS NULL) = (paid_sp2d_number IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contract_termins DROP COLUMN paid_sp2d_number`);
  }
}
