import { MigrationInterface, QueryRunner } from 'typeorm';

// The orders the remaining long lists page in by cursor (docs/decisions/0063),
// each one index read in order: the e-HSB catalogue (newest year first, then
// code; the year negated so that the whole key ascends) and the contract
// register (signing date, number). Packages page on their unique code and BKU
// entries on the book's unique (OPD, year, entry number): both indexes exist.
export class CursorListOrders1764303400100 implements MigrationInterface {
  name = 'CursorListOrders1764303400100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX hsb_items_list_order_idx ON hsb_items ((-fiscal_year), code, id)`);
    await q.query(`CREATE INDEX contracts_list_order_idx ON contracts (signed_on, number, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX contracts_list_order_idx`);
    await q.query(`DROP INDEX hsb_items_list_order_idx`);
  }
}
