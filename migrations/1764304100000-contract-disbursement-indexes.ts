import { MigrationInterface, QueryRunner } from 'typeorm';

// What a contract has been paid (penatausahaan_contract_disbursements_v) is
// found from the contract: its SPPs, their SP2Ds, their ledger entries. The
// first two steps had no index, so the package facts of e-controlling (the
// RFK, the critical-contract list) read every SPP and SP2D for each package
// (docs/decisions/0512).
export class ContractDisbursementIndexes1764304100000 implements MigrationInterface {
  name = 'ContractDisbursementIndexes1764304100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX spp_contract_idx ON spp(contract_id) WHERE contract_id IS NOT NULL`);
    await q.query(`CREATE INDEX sp2d_spp_idx ON sp2d(spp_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX sp2d_spp_idx`);
    await q.query(`DROP INDEX spp_contract_idx`);
  }
}
