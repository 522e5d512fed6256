import { MigrationInterface, QueryRunner } from 'typeorm';

// The last date of an OPD's cash book in one index probe (issue 11, docs/decisions/0027).
// An SP2D (and every dated cash-book write, book-date.ts) reads
// `max(entry_date) FROM bku_entries WHERE organization_id = $1 AND fiscal_year = $2`
// under its SPM's lock; with only (organization_id, fiscal_year, entry_no) to go by,
// that read visited every entry of the OPD's year: 112 entries, 58 buffers and
// 1.1 ms of the SP2D's 1.5 ms read on the bench copy, and growing with the book
// through the year, at the year-end peak most of all. On (organization_id,
// fiscal_year, entry_date) it is the last key of the range, read backwards.
export class BkuLastEntryDateIndex1764305100000 implements MigrationInterface {
  name = 'BkuLastEntryDateIndex1764305100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX bku_entries_book_date_idx ON bku_entries (organization_id, fiscal_year, entry_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX bku_entries_book_date_idx`);
  }
}
