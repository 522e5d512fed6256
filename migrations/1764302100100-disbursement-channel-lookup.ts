import { MigrationInterface, QueryRunner } from 'typeorm';

// The control card looks up the channel of each of its DISBURSEMENT entries in
// ledger_disbursement_channels by (source_type, source_id), source_id being
// text: indexes on the documents' ids as text let each lookup be an index
// probe instead of a pass over every SP2D, SPJ and receipt (decision 0130).
export class DisbursementChannelLookup1764302100100 implements MigrationInterface {
  name = 'DisbursementChannelLookup1764302100100';

  async up(q: QueryRunner): Promise<void> {
    for (const t of ['sp2d', 'spj', 'receipts']) await q.query(`CREATE INDEX ${t}_id_text_idx ON ${t} ((id::text))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['sp2d', 'spj', 'receipts']) await q.query(`DROP INDEX ${t}_id_text_idx`);
  }
}
