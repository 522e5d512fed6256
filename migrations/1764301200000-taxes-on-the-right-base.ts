import { MigrationInterface, QueryRunner } from 'typeorm';

// Taxes on the right base (docs/decisions/0220, 0221): each row of the tax
// table says on what it is computed (the DPP of a VAT-inclusive gross, the
// gross, or half of it), from which gross it is collected, where it does not
// apply, whether it needs a VAT-registered payee, its surcharge without NPWP,
// and (PPh 4(2)) the payee qualifications it is for. The SPP keeps its DPP,
// its purpose and LS subtype, and the payee's tax facts; each withheld tax
// keeps its base and base amount.
export class TaxesOnTheRightBase1764301200000 implements MigrationInterface {
  name = 'TaxesOnTheRightBase1764301200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tax_rates
        ADD COLUMN base text CHECK (base IN ('DPP','GROSS','HALF_GROSS')),
        ADD COLUMN min_gross numeric(20,2) CHECK (min_gross >= 0),
        ADD COLUMN excluded_accounts text[],
        ADD COLUMN excluded_payment_kinds text[],
        ADD COLUMN requires_pkp boolean,
        ADD COLUMN no_npwp_surcharge numeric(7,4) CHECK (no_npwp_surcharge >= 0 AND no_npwp_surcharge <= 100),
        ADD COLUMN tax_group text,
        ADD COLUMN qualifications text[]`);
    await q.query(`
      ALTER TABLE spp
        ADD COLUMN dpp numeric(20,2) CHECK (dpp >= 0),
        ADD COLUMN purpose text,
        ADD COLUMN ls_subtype text CHECK (ls_subtype IN ('PAYROLL','GOODS_SERVICES','THIRD_PARTY')),
        ADD COLUMN payee_vat_registered boolean NOT NULL DEFAULT false,
        ADD COLUMN payee_qualification text CHECK (payee_qualification IN ('SMALL','CERTIFIED','UNCERTIFIED')),
        ADD CONSTRAINT spp_ls_subtype_only_ls CHECK (ls_subtype IS NULL OR type = 'LS'),
        ADD CONSTRAINT spp_dpp_within_gross CHECK (dpp IS NULL OR dpp <= gross)`);
    await q.query(`
      ALTER TABLE spp_taxes
        ADD COLUMN base text NOT NULL DEFAULT 'GROSS' CHECK (base IN ('DPP','GROSS','HALF_GROSS')),
        ADD COLUMN base_amount numeric(20,2) CHECK (base_amount >= 0),
        ADD COLUMN surcharge numeric(7,4) NOT NULL DEFAULT 0 CHECK (surcharge >= 0),
        ADD COLUMN note text`);
    // Rows written before: their base was the gross.
    await q.query(`UPDATE spp_taxes t SET base_amount = s.gross FROM spp s WHERE s.id = t.spp_id`);
    await q.query(`ALTER TABLE spp_taxes ALTER COLUMN base_amount SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE spp_taxes DROP COLUMN base, DROP COLUMN base_amount, DROP COLUMN surcharge, DROP COLUMN note`);
    await q.query(`ALTER TABLE spp DROP CONSTRAINT spp_ls_subtype_only_ls, DROP CONSTRAINT spp_dpp_within_gross, DROP COLUMN dpp, DROP COLUMN purpose, DROP COLUMN ls_subtype,
      DROP COLUMN payee_vat_registered, DROP COLUMN payee_qualification`);
    await q.query(`ALTER TABLE tax_rates DROP COLUMN base, DROP COLUMN min_gross, DROP COLUMN excluded_accounts, DROP COLUMN excluded_payment_kinds,
      DROP COLUMN requires_pkp, DROP COLUMN no_npwp_surcharge, DROP COLUMN tax_group, DROP COLUMN qualifications`);
  }
}
