import { MigrationInterface, QueryRunner } from 'typeorm';

// An addendum that changes the value of a contract with several funding
// lines records the new amount of each line (named in the body or split pro
// rata, docs/decisions/0411); approval applies exactly that split.
export class AddendumFundingSplit1764301800000 implements MigrationInterface {
  name = 'AddendumFundingSplit1764301800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contract_addenda ADD COLUMN funding_after jsonb CHECK (funding_after IS NULL OR jsonb_typeof(funding_after) = 'array')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contract_addenda DROP COLUMN funding_after`);
  }
}
