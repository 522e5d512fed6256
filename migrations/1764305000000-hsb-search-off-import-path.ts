import { MigrationInterface, QueryRunner } from 'typeorm';

// The catalogue's trigram search index moves off the import's path (issue 11,
// docs/decisions/0108). The trigram index of hsb_items cost about a third of
// writing a new 20,000-item catalogue; it now lives on hsb_item_search (one row
// per item: its search text), which statement triggers keep current. A
// transaction that sets `grms.hsb_search = 'deferred'` (the catalogue import)
// instead notes its items in hsb_search_pending, a heap without indexes, and
// the entries are written after its commit. A search reads the index's
// matches and every pending item, then checks the item's own search text, so
// an item is found whether or not its entry is written yet.
//
// Also dropped: hsb_items_year_category_idx, which no query needs (the year
// prefix of hsb_items_code_uq answers every filter by year, the category being
// one of four values).
export class HsbSearchOffImportPath1764305000000 implements MigrationInterface {
  name = 'HsbSearchOffImportPath1764305000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE hsb_item_search (
        item_id uuid PRIMARY KEY REFERENCES hsb_items(id) ON DELETE CASCADE,
        search_text text NOT NULL
      )`);
    await q.query(`CREATE TABLE hsb_search_pending (item_id uuid NOT NULL)`);
    await q.query(`
      CREATE FUNCTION hsb_items_search_entries() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('grms.hsb_search', true) = 'deferred' THEN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO hsb_search_pending (item_id) SELECT id FROM new_rows;
          ELSE
            INSERT INTO hsb_search_pending (item_id)
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.search_text IS DISTINCT FROM o.search_text;
          END IF;
        ELSIF TG_OP = 'INSERT' THEN
          INSERT INTO hsb_item_search (item_id, search_text) SELECT id, search_text FROM new_rows;
        ELSE
          INSERT INTO hsb_item_search (item_id, search_text)
          SELECT n.id, n.search_text FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.search_text IS DISTINCT FROM o.search_text
          ON CONFLICT (item_id) DO UPDATE SET search_text = EXCLUDED.search_text;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER hsb_items_search_insert AFTER INSERT ON hsb_items
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hsb_items_search_entries()`);
    await q.query(`CREATE TRIGGER hsb_items_search_update AFTER UPDATE ON hsb_items
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hsb_items_search_entries()`);
    await q.query(`INSERT INTO hsb_item_search (item_id, search_text) SELECT id, search_text FROM hsb_items`);
    await q.query(`CREATE INDEX hsb_item_search_trgm ON hsb_item_search USING gin (search_text gin_trgm_ops)`);
    await q.query(`DROP INDEX hsb_items_search_trgm`);
    await q.query(`DROP INDEX hsb_items_year_category_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX hsb_items_year_category_idx ON hsb_items (fiscal_year, category, code)`);
    await q.query(`CREATE INDEX hsb_items_search_trgm ON hsb_items USING gin (search_text gin_trgm_ops)`);
    await q.query(`DROP TRIGGER hsb_items_search_update ON hsb_items`);
    await q.query(`DROP TRIGGER hsb_items_search_insert ON hsb_items`);
    await q.query(`DROP FUNCTION hsb_items_search_entries()`);
    await q.query(`DROP TABLE hsb_search_pending`);
    await q.query(`DROP TABLE hsb_item_search`);
  }
}
