import { MigrationInterface, QueryRunner } from 'typeorm';

// The payment channel of every DISBURSEMENT the ledger holds, for the control
// card (kartu kendali, decision 0130). Only e-penatausahaan knows whether a
// realisation came by LS or out of an advance (UP/GU or TU), so it owns this
// view over its own documents; `budget` reads the view by its columns
// (source_type, source_id, channel) and knows nothing of the tables behind it.
//   Sp2d, Sp2dCancellation: an LS SP2D and its reversal -> LS
//   Spj, Receipt: spending of an advance, accounted by an SPJ -> the advance's
//   type: UP and GU -> UP_GU, TU -> TU
export class LedgerDisbursementChannels1764302100000 implements MigrationInterface {
  name = 'LedgerDisbursementChannels1764302100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW ledger_disbursement_channels (source_type, source_id, channel) AS
        SELECT s.source_type, d.id::text, 'LS'::text FROM sp2d d CROSS JOIN (VALUES ('Sp2d'), ('Sp2dCancellation')) s(source_type) WHERE d.type = 'LS'
        UNION ALL
        SELECT 'Spj', j.id::text, CASE a.type WHEN 'TU' THEN 'TU' ELSE 'UP_GU' END FROM spj j JOIN sp2d a ON a.id = j.advance_sp2d_id
        UNION ALL
        SELECT 'Receipt', r.id::text, CASE a.type WHEN 'TU' THEN 'TU' ELSE 'UP_GU' END FROM receipts r JOIN sp2d a ON a.id = r.advance_sp2d_id`);
    await q.query(`COMMENT ON VIEW ledger_disbursement_channels IS 'e-penatausahaan: the payment channel (LS, UP_GU, TU) of each ledger source that posts DISBURSEMENT; read by the control card (decision 0130)'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW ledger_disbursement_channels`);
  }
}
