import { MigrationInterface, QueryRunner } from 'typeorm';

// The orders the payment-document lists page in (docs/decisions/0060): newest
// first by creation time and id, and the SP2D register by year, date and
// number; a page by cursor is then a range of one index.
export class ListOrderIndexes1764302500100 implements MigrationInterface {
  name = 'ListOrderIndexes1764302500100';

  async up(q: QueryRunner): Promise<void> {
    for (const t of ['spd', 'spp', 'spm', 'sp2d', 'spj']) await q.query(`CREATE INDEX ${t}_list_order_idx ON ${t}(created_at, id)`);
    await q.query(`CREATE INDEX sp2d_register_order_idx ON sp2d(fiscal_year, issued_on, number, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX sp2d_register_order_idx`);
    for (const t of ['spd', 'spp', 'spm', 'sp2d', 'spj']) await q.query(`DROP INDEX ${t}_list_order_idx`);
  }
}
